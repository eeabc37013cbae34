package jsupervisor.it.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One case of the configuration corpus under {@code src/test/resources/config/<kind>/}.
 *
 * <p>A case {@code NNN-name} is a set of sibling files:
 * <ul>
 *   <li>{@code NNN-name.conf}: the configuration, written at test time as
 *       {@code <dir>/supervisord.conf}. Absent only for cases about a missing config file;</li>
 *   <li>{@code NNN-name.d/}: optional helper files (e.g. for {@code [include]}), copied under
 *       the same name next to it, as {@code <dir>/NNN-name.d/};</li>
 *   <li>{@code NNN-name.args}: optional extra command-line arguments, one per line;</li>
 *   <li>{@code NNN-name.err}, {@code NNN-name.where} (invalid cases) and {@code NNN-name.expect}
 *       (valid cases): expected results, read by the tests.</li>
 * </ul>
 * Every {@code @DIR@} in the copied files and the arguments becomes the directory the case is
 * copied into. Immutable.
 */
public record ConfigCase(String name, Path folder) {
    public static final String DIR = "@DIR@";
    public static final String CONF_NAME = "supervisord.conf";

    /** Every case of a kind ({@code "invalid"} or {@code "valid"}), in name order. */
    public static List<ConfigCase> all(String kind) {
        Path folder = resourceFolder(kind);
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".conf") || n.endsWith(".args"))
                    .forEach(n -> names.add(n.substring(0, n.lastIndexOf('.'))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.stream().map(n -> new ConfigCase(n, folder)).toList();
    }

    /** The corpus folder {@code config/<name>} (or a file there) as found on the test class path. */
    public static Path resourceFolder(String name) {
        URL url = ConfigCase.class.getResource("/config/" + name);
        if (url == null) {
            throw new IllegalStateException("config/" + name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the case into {@code dir} with {@code @DIR@} replaced and returns the path of its
     * config file, {@code <dir>/supervisord.conf} (which does not exist when the case has no .conf).
     */
    public Path materialize(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve(CONF_NAME);
        Path source = folder.resolve(name + ".conf");
        if (Files.exists(source)) {
            copySubstituted(source, conf, dir);
        }
        Path helpers = folder.resolve(name + ".d");
        if (Files.isDirectory(helpers)) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(helpers)) {
                all = walk.toList();
            }
            for (Path p : all) {
                Path target = dir.resolve(name + ".d").resolve(helpers.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    copySubstituted(p, target, dir);
                }
            }
        }
        return conf;
    }

    /** The extra command-line arguments, with {@code @DIR@} replaced; empty when there is no .args file. */
    public List<String> args(Path dir) {
        List<String> args = new ArrayList<>();
        read("args").ifPresent(text -> text.lines()
                .filter(line -> !line.isEmpty())
                .forEach(line -> args.add(line.replace(DIR, dir.toString()))));
        return args;
    }

    /** The content of the sibling file {@code NNN-name.<extension>}, if it exists. */
    public Optional<String> read(String extension) {
        Path p = folder.resolve(name + "." + extension);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte for byte apart from the marker: some cases are deliberately not UTF-8. */
    private static void copySubstituted(Path from, Path to, Path dir) throws IOException {
        Files.createDirectories(to.getParent());
        byte[] in = Files.readAllBytes(from);
        byte[] marker = DIR.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = dir.toString().getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length + 256);
        int i = 0;
        while (i < in.length) {
            if (java.util.Arrays.equals(in, i, Math.min(in.length, i + marker.length), marker, 0, marker.length)) {
                out.writeBytes(replacement);
                i += marker.length;
            } else {
                out.write(in[i++]);
            }
        }
        Files.write(to, out.toByteArray());
    }

    @Override
    public String toString() {
        return name;
    }
}
