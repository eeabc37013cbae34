package jsupervisor.daemon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the HTTP server sections: every section whose name starts with {@code inet_http_server}, then every
 * one starting with {@code unix_http_server} (the text after a colon names extra servers), as
 * {@code ServerOptions.server_configs_from_parser} does. Confined to one load.
 */
final class ServerSectionsReader {
    private final OptionSource src;
    private final OsDatatypes os;
    private final String here;

    ServerSectionsReader(OptionSource src, OsDatatypes os, String here) {
        this.src = src;
        this.os = os;
        this.here = here;
    }

    List<HttpServerConfig> read() throws ConfigException {
        List<HttpServerConfig> servers = new ArrayList<>();
        for (String s : src.document().sectionNames()) {
            if (s.startsWith("inet_http_server")) {
                servers.add(inet(s));
            }
        }
        for (String s : src.document().sectionNames()) {
            if (s.startsWith("unix_http_server")) {
                servers.add(unix(s));
            }
        }
        return servers;
    }

    private HttpServerConfig inet(String s) throws ConfigException {
        String[] auth = usernameAndPassword(s);
        String port = src.get(s, "port", null, Map.of());
        if (port == null) {
            throw src.sectionError(s, "section [" + s + "] has no port value");
        }
        Datatypes.InetAddressSpec address = src.convert(s, "port", port, Datatypes::inetAddress);
        return new HttpServerConfig.Inet(s, address.host(), address.port(), auth[0], auth[1]);
    }

    private HttpServerConfig unix(String s) throws ConfigException {
        String file = src.get(s, "file", null, Map.of("here", here));
        if (file == null) {
            throw src.sectionError(s, "section [" + s + "] has no file value");
        }
        file = os.normalizePath(file.strip());
        String[] auth = usernameAndPassword(s);
        String chownText = src.get(s, "chown", null, Map.of());
        int[] chown = {-1, -1};
        if (chownText != null) {
            try {
                chown = os.userAndGroup(chownText);
            } catch (InvalidValueException e) {
                throw src.error(s, "chown", "Invalid sockchown value " + chownText);
            }
        }
        String chmodText = src.get(s, "chmod", null, Map.of());
        int chmod = 0700;
        if (chmodText != null) {
            try {
                chmod = Datatypes.octal(chmodText);
            } catch (InvalidValueException e) {
                throw src.error(s, "chmod", "Invalid chmod value " + chmodText);
            }
        }
        return new HttpServerConfig.Unix(s, file, chmod, chown[0], chown[1], auth[0], auth[1]);
    }

    private String[] usernameAndPassword(String s) throws ConfigException {
        String username = src.get(s, "username", null, Map.of());
        String password = src.get(s, "password", null, Map.of());
        if ((username == null) != (password == null)) {
            throw src.sectionError(s, "Section [" + s + "] contains incomplete "
                    + "authentication: If a username or a password is specified, both the username and password "
                    + "must be specified");
        }
        return new String[] {username, password};
    }
}
