import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists the published surface (API.md): every public type of every package a published module exports to
 * everyone, read from the compiled classes (run after mvn package or verify).
 *
 *   java .ci/ApiList.java > API.md          writes the list
 *   java .ci/ApiList.java --check API.md    fails when API.md is not the list (CI runs this)
 *
 * The published modules are the ones flow-codec-bom lists.
 */
public class ApiList {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        String bom = Files.readString(root.resolve("flow-codec-bom/pom.xml"));
        Matcher m = Pattern.compile("<artifactId>(flow-codec-[a-z0-9-]+)</artifactId>").matcher(bom);
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("flow-codec-bom")) {
                modules.add(m.group(1));
            }
        }
        List<URL> urls = new ArrayList<>();
        for (String module : modules) {
            urls.add(root.resolve(module).resolve("target/classes").toUri().toURL());
            // the libraries a module's public types extend (Kafka, Netty): written by maven-dependency-plugin
            Path dependencies = root.resolve(module).resolve("target/runtime-classpath.txt");
            if (Files.exists(dependencies)) {
                for (String jar : Files.readString(dependencies).trim().split(java.io.File.pathSeparator)) {
                    if (!jar.isBlank()) {
                        urls.add(Path.of(jar).toUri().toURL());
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# The published API\n\n")
                .append("Every public type of every package the published modules (those `flow-codec-bom` lists) export.\n")
                .append("Generated from the compiled classes by `java .ci/ApiList.java > API.md` after `mvn package`;\n")
                .append("CI fails when this file is stale. Packages named `internal` are not API and are not exported.\n")
                .append("From 1.0.0 on, japicmp checks these types against the last release (see `japicmp.skip` in pom.xml).\n");
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ApiList.class.getClassLoader())) {
            for (String module : modules) {
                Path classes = root.resolve(module).resolve("target/classes");
                Path info = root.resolve(module).resolve("src/main/java/module-info.java");
                if (!Files.exists(classes) || !Files.exists(info)) {
                    throw new IllegalStateException(module + ": no compiled classes or module-info.java (build first)");
                }
                Matcher e = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;").matcher(Files.readString(info));
                Map<String, TreeSet<String>> types = new TreeMap<>();
                while (e.find()) {
                    types.put(e.group(1), publicTypes(loader, classes, e.group(1)));
                }
                out.append("\n## ").append(module).append("\n");
                for (Map.Entry<String, TreeSet<String>> p : types.entrySet()) {
                    out.append("\n### `").append(p.getKey()).append("`\n\n");
                    for (String t : p.getValue()) {
                        out.append("- ").append(t).append("\n");
                    }
                }
            }
        }
        if (args.length == 2 && args[0].equals("--check")) {
            String have = Files.exists(Path.of(args[1])) ? Files.readString(Path.of(args[1])) : "";
            if (!have.equals(out.toString())) {
                System.err.println(args[1] + " is stale: regenerate it with java .ci/ApiList.java > " + args[1]);
                System.exit(1);
            }
            System.out.println(args[1] + " lists the published API");
        } else {
            System.out.print(out);
        }
    }

    private static TreeSet<String> publicTypes(ClassLoader loader, Path classes, String pkg) throws IOException {
        TreeSet<String> names = new TreeSet<>(java.util.Comparator.comparing((String n) -> n.replace("`", "")));
        Path dir = classes.resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.equals("package-info.class")) {
                    continue;
                }
                String binary = pkg + "." + file.substring(0, file.length() - ".class".length());
                Class<?> c;
                try {
                    c = Class.forName(binary, false, loader);
                } catch (ClassNotFoundException | LinkageError ex) {
                    throw new IllegalStateException("cannot load " + binary, ex);
                }
                if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic() || !visible(c)) {
                    continue;
                }
                names.add("`" + c.getName().substring(pkg.length() + 1).replace('$', '.') + "` (" + kind(c) + ")");
            }
        }
        return names;
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            int mod = k.getModifiers();
            boolean open = Modifier.isPublic(mod) || (k.getDeclaringClass() != null && Modifier.isProtected(mod)
                    && !Modifier.isFinal(k.getDeclaringClass().getModifiers()));
            if (!open) {
                return false;
            }
        }
        return true;
    }

    private static String kind(Class<?> c) {
        if (c.isAnnotation()) {
            return "@interface";
        }
        if (c.isRecord()) {
            return "record";
        }
        if (c.isEnum()) {
            return "enum";
        }
        if (c.isInterface()) {
            return "interface";
        }
        return Modifier.isAbstract(c.getModifiers()) ? "abstract class" : "class";
    }
}
