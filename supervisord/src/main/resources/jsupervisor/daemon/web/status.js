// jsupervisor status page: keeps the table current by polling status.json, and sends the page's action buttons
// with fetch so the page does not reload. Without this script the page works as plain HTML forms.
'use strict';

(function () {
  const POLL_MS = 1500;
  const form = document.getElementById('statusform');
  const message = document.getElementById('statusmessage');
  const live = document.getElementById('live');
  const liveState = document.getElementById('livestate');
  if (!form) {
    return;
  }

  // URLs relative to this page, minus any user:password the page was opened with (fetch refuses those; the
  // browser still sends the credentials it already uses for this origin).
  function url(path) {
    const u = new URL(path, location.href);
    u.username = '';
    u.password = '';
    u.hash = '';
    return u.toString();
  }

  function showMessage(text, isError) {
    message.textContent = text;
    message.className = 'status_msg' + (isError ? ' error' : '');
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      e.setAttribute(k, v);
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  // Python's quote(): what the server writes into links (':' becomes %3A).
  function quote(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase())
      .replace(/%2F/g, '/');
  }

  function actionList(p) {
    const ul = el('ul');
    for (const a of p.actions) {
      const li = el('li');
      li.appendChild(el('button', {
        type: 'submit', name: 'action', value: a.action,
        formaction: 'index.html?processname=' + quote(p.namespec), 'data-processname': p.namespec
      }, a.label));
      ul.appendChild(li);
    }
    const q = quote(p.namespec);
    for (const [href, label] of [['logtail/' + q, 'Tail -f Stdout'], ['logtail/' + q + '/stderr', 'Tail -f Stderr']]) {
      const li = el('li');
      li.appendChild(el('a', {href: href, target: '_blank'}, label));
      ul.appendChild(li);
    }
    return ul;
  }

  function row(p, shaded) {
    const tr = el('tr', {class: shaded ? 'shade' : '', 'data-namespec': p.namespec});
    const state = el('td', {class: 'status', 'data-label': 'State'});
    state.appendChild(el('span', {class: p.css}, p.status));
    const desc = el('td', {class: 'desc', 'data-label': 'Description'});
    desc.appendChild(el('span', {}, p.description));
    const name = el('td', {class: 'name', 'data-label': 'Name'});
    name.appendChild(el('a', {href: 'tail.html?processname=' + quote(p.namespec), target: '_blank'}, p.namespec));
    const action = el('td', {class: 'action'});
    action.appendChild(actionList(p));
    tr.append(state, desc, name, action);
    tr.dataset.actions = p.actions.map(a => a.action).join(',');
    return tr;
  }

  function table(processes) {
    if (processes.length === 0) {
      return el('p', {id: 'statustable', class: 'empty'}, 'No programs to manage');
    }
    const t = el('table', {id: 'statustable', cellspacing: '0'});
    const head = el('thead');
    const hr = el('tr');
    for (const [cls, label] of [['state', 'State'], ['desc', 'Description'], ['name', 'Name'], ['action', 'Action']]) {
      hr.appendChild(el('th', {class: cls}, label));
    }
    head.appendChild(hr);
    t.appendChild(head);
    let body = null;
    let group = null;
    processes.forEach((p, i) => {
      if (body === null || p.group !== group) {
        group = p.group;
        body = el('tbody', {'data-group': group});
        if (p.grouped) {
          const gh = el('tr', {class: 'grouphead'});
          gh.appendChild(el('th', {colspan: '4', scope: 'rowgroup'}, group));
          body.appendChild(gh);
        }
        t.appendChild(body);
      }
      body.appendChild(row(p, i % 2 === 1));
    });
    return t;
  }

  // Same processes in the same order: update cells in place (keeps focus and hover); otherwise rebuild.
  function apply(processes) {
    const current = document.getElementById('statustable');
    const rows = current ? Array.from(current.querySelectorAll('tr[data-namespec]')) : [];
    const isTable = current.tagName === 'TABLE';
    if (!isTable && processes.length === 0) {
      return; // still "No programs to manage"
    }
    const sameShape = isTable && rows.length === processes.length
      && rows.every((r, i) => r.dataset.namespec === processes[i].namespec);
    if (!sameShape) {
      current.replaceWith(table(processes));
      return;
    }
    processes.forEach((p, i) => {
      const r = rows[i];
      const span = r.querySelector('td.status span');
      if (span.textContent !== p.status || span.className !== p.css) {
        span.textContent = p.status;
        span.className = p.css;
      }
      const desc = r.querySelector('td.desc span');
      if (desc.textContent !== p.description) {
        desc.textContent = p.description;
      }
      const actions = p.actions.map(a => a.action).join(',');
      const known = r.dataset.actions !== undefined ? r.dataset.actions
        : Array.from(r.querySelectorAll('td.action button')).map(b => b.value).join(',');
      if (known !== actions && !r.classList.contains('busy')) {
        r.querySelector('td.action ul').replaceWith(actionList(p));
      }
      r.dataset.actions = actions;
    });
  }

  let timer = null;
  let polling = false;

  async function poll() {
    if (polling) {
      return;
    }
    polling = true;
    try {
      const response = await fetch(url('status.json'), {cache: 'no-store', credentials: 'same-origin'});
      const data = await response.json();
      if (data.error) {
        setLive('error: ' + data.error, true);
      } else {
        apply(data.processes);
        setLive('updated ' + new Date().toLocaleTimeString(), false);
      }
    } catch (e) {
      setLive('cannot reach supervisord', true);
    } finally {
      polling = false;
    }
  }

  function setLive(text, stale) {
    liveState.textContent = text;
    liveState.className = stale ? 'stale' : '';
  }

  function schedule() {
    clearInterval(timer);
    timer = null;
    if (live.checked && document.visibilityState === 'visible') {
      timer = setInterval(poll, POLL_MS);
    }
  }

  async function act(button) {
    const body = new URLSearchParams();
    body.set('token', form.elements.token.value);
    body.set('action', button.value);
    if (button.dataset.processname !== undefined) {
      body.set('processname', button.dataset.processname);
    }
    const row = button.closest('tr');
    button.disabled = true;
    if (row) {
      row.classList.add('busy');
    }
    showMessage(button.textContent + (button.dataset.processname ? ' ' + button.dataset.processname : '') + '\u2026',
      false);
    try {
      const response = await fetch(url('index.html'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded'},
        body: body.toString()
      });
      const data = await response.json();
      showMessage(data.message !== undefined ? data.message : data.error, data.message === undefined);
    } catch (e) {
      showMessage('The request failed: ' + e.message, true);
    } finally {
      button.disabled = false;
      if (row) {
        row.classList.remove('busy');
        delete row.dataset.actions;
      }
      poll();
    }
  }

  form.addEventListener('submit', event => {
    const button = event.submitter;
    if (!button || button.name !== 'action') {
      return;
    }
    event.preventDefault();
    act(button);
  });

  live.addEventListener('change', () => {
    schedule();
    if (live.checked) {
      poll();
    } else {
      setLive('paused', false);
    }
  });
  document.addEventListener('visibilitychange', () => {
    schedule();
    if (document.visibilityState === 'visible' && live.checked) {
      poll();
    }
  });

  document.getElementById('livecontrol').hidden = false;
  schedule();
}());
