package jsupervisor.daemon.config;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names one {@code %(name)s} expansion sees: the caller's own names over the environment's, looked up in
 * place. Supervisor builds a merged dict for every value it expands; copying the forty-odd {@code ENV_*} names
 * for each of a thousand programs' options was a visible part of reading a large config, and a lookup needs
 * neither copy. Only the rare error message that lists every name merges them. Read-only; confined to one
 * load.
 */
final class LayeredNames extends AbstractMap<String, Object> {
    private final Map<String, ?> top;
    private final Map<String, ?> bottom;

    LayeredNames(Map<String, ?> top, Map<String, ?> bottom) {
        this.top = top;
        this.bottom = bottom;
    }

    @Override
    public boolean containsKey(Object key) {
        return top.containsKey(key) || bottom.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        return top.containsKey(key) ? top.get(key) : bottom.get(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> merged = new HashMap<>(bottom);
        merged.putAll(top);
        return merged.entrySet();
    }
}
