package io.aigcwatch.stack;

import io.aigcwatch.testkit.stack.FreePorts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds a repository-shaped directory whose five service jars are {@link StandInService}. */
final class StandIns {
    private StandIns() {
    }

    static Path fakeRepo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("local-stack"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        for (Service service : Service.values()) {
            Path jar = dir.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
            Files.createDirectories(jar.getParent());
            writeJar(jar);
        }
        return dir;
    }

    private static void writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        String entry = StandInService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = StandInService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }

    /**
     * A {@link StandInService} on {@code port}, logging to {@code logs/stand-in.log}.
     *
     * @param mode healthy, unhealthy (answers 503), crash (exits with 3 at once) or migrating (a log line a second
     *             for 8 s, then healthy)
     */
    static ServiceProcess process(Path logs, int port, String mode, boolean restart) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandInService.class.getName(), "PROBE_PORT", mode);
        return ServiceProcess.start("stand-in", port, command, Map.of("PROBE_PORT", Integer.toString(port)),
                logs.resolve("stand-in.log"), restart);
    }

    /** Distinct free ports: test-kit's, which api-tests shares. */
    static List<Integer> freePorts(int count) {
        return FreePorts.take(count);
    }
}
