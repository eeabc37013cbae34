// jsupervisor tail page: follows the log live from exactly where the page's text ends (the server's /logtail
// stream, which keeps going when the log is rotated). Without this script the Refresh link reloads the tail.
'use strict';

(function () {
  const MAX_CHARS = 2 * 1024 * 1024;
  const pre = document.getElementById('tailbody');
  const button = document.getElementById('follow');
  const state = document.getElementById('followstate');
  if (!pre || !pre.dataset.follow || !button) {
    return;
  }

  function url(path) {
    const u = new URL(path, location.href);
    u.username = '';
    u.password = '';
    u.hash = '';
    return u.toString();
  }

  let controller = null;

  function nearBottom() {
    return pre.scrollHeight - pre.scrollTop - pre.clientHeight < 40;
  }

  function append(text) {
    if (!text) {
      return;
    }
    const stick = nearBottom();
    pre.appendChild(document.createTextNode(text));
    if (pre.textContent.length > MAX_CHARS) {
      pre.textContent = pre.textContent.slice(-MAX_CHARS / 2);
    }
    if (stick) {
      pre.scrollTop = pre.scrollHeight;
    }
  }

  function show(text, stale) {
    state.textContent = text;
    state.className = stale ? 'stale' : '';
  }

  async function follow() {
    controller = new AbortController();
    button.textContent = 'Pause';
    button.setAttribute('aria-pressed', 'true');
    show('following', false);
    try {
      const response = await fetch(url(pre.dataset.follow), {signal: controller.signal, credentials: 'same-origin'});
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder('utf-8');
      for (;;) {
        const {value, done} = await reader.read();
        if (done) {
          break;
        }
        append(decoder.decode(value, {stream: true}));
      }
      append(decoder.decode());
      stopped('the server ended the stream', true);
    } catch (e) {
      if (e.name === 'AbortError') {
        stopped('paused', false);
      } else {
        stopped('lost the connection (' + e.message + ')', true);
      }
    }
  }

  function stopped(why, stale) {
    controller = null;
    button.textContent = 'Resume';
    button.setAttribute('aria-pressed', 'false');
    show(why, stale);
  }

  button.addEventListener('click', () => {
    if (controller) {
      controller.abort();
    } else {
      // a fresh page continues from where the log is now, with the latest text above
      location.reload();
    }
  });

  button.hidden = false;
  pre.scrollTop = pre.scrollHeight;
  follow();
}());
