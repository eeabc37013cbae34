package jsupervisor.daemon.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.common.ini.IniDocument;
import jsupervisor.common.ini.IniParser;
import jsupervisor.common.ini.IniSyntaxException;
import jsupervisor.common.ini.PythonText;
import jsupervisor.common.ini.Utf8DecodeError;

/**
 * Processes {@code [include] files}: whitespace-separated globs relative to the main file's directory, each
 * glob's matches read in sorted order into the same document, with {@code %(here)s} in each file meaning that
 * file's directory. Only the main file's {@code [include]} counts. Queues Supervisor's INFO and WARN lines.
 * Confined to one load.
 */
final class IncludeReader {
    private final OptionSource src;
    private final OsDatatypes os;
    private final String hostNodeName;
    private final String here;
    private final List<String> warnings;
    private final List<String> infos;

    IncludeReader(OptionSource src, OsDatatypes os, String hostNodeName, String here, List<String> warnings,
                  List<String> infos) {
        this.src = src;
        this.os = os;
        this.hostNodeName = hostNodeName;
        this.here = here;
        this.warnings = warnings;
        this.infos = infos;
    }

    void read(String mainFile) throws ConfigException {
        IniDocument doc = src.document();
        doc.expandHere(here);
        if (!src.has("include", "files")) {
            throw src.sectionError("include", ".ini file has [include] section, but no files setting");
        }
        Map<String, Object> names = new HashMap<>();
        names.put("here", here);
        names.put("host_node_name", hostNodeName);
        String files = src.expand("include", "files", src.raw("include", "files", ""), names, "include.files");
        String base = Path.of(os.absolute(mainFile)).getParent().toString();
        for (String pattern : splitWhitespace(files)) {
            String joined = pattern.startsWith("/") ? pattern : base + "/" + pattern;
            List<String> matches = new ArrayList<>(Glob.glob(joined));
            if (matches.isEmpty()) {
                warnings.add("No file matches via include \"" + joined + "\"");
                continue;
            }
            matches.sort(null);
            for (String file : matches) {
                infos.add("Included extra file \"" + file + "\" during parsing");
                readOne(doc, file);
            }
        }
    }

    private void readOne(IniDocument doc, String file) throws ConfigException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return; // Supervisor silently skips a matched file it cannot open
        }
        try {
            IniParser.readIncludedFile(path, file, doc);
        } catch (MalformedInputException e) {
            String undecodable;
            try {
                undecodable = Utf8DecodeError.of(Files.readAllBytes(path));
            } catch (IOException gone) {
                undecodable = null;
            }
            throw new ConfigException(undecodable != null ? undecodable : "included file " + file
                    + " is not valid UTF-8 text", new ConfigException.Where(file, 0, null, null));
        } catch (IOException e) {
            return;
        } catch (IniSyntaxException e) {
            throw new ConfigException(e.getMessage());
        }
        doc.expandHere(Path.of(file).toAbsolutePath().getParent().toString());
    }

    /** Python's {@code str.split()} with no argument. */
    private static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && PythonText.isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !PythonText.isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
