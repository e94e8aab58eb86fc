package de.nrw.activation.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a kustomization with the real kustomize: a {@code kustomize} binary if one is on the
 * PATH (or named by KUSTOMIZE), else the one built into {@code kubectl} ({@code kubectl kustomize}).
 * Nothing is re-implemented here: what the tests check is exactly what {@code kubectl apply -k} sends.
 */
final class Kustomize {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final int MIN_MAJOR = 5;

    private static volatile List<String> command;

    private Kustomize() {
    }

    /** Output of {@code kustomize build dir}. */
    static String build(Path dir) {
        List<String> cmd = new ArrayList<>(command());
        cmd.add(dir.toString());
        Result result = run(cmd);
        if (result.exit != 0) {
            throw new AssertionError("kustomize failed for " + dir + " (" + String.join(" ", cmd) + "):\n" + result.output);
        }
        return result.stdout;
    }

    /** The build command, e.g. [kubectl, kustomize] or [kustomize, build]. */
    static synchronized List<String> command() {
        if (command != null) {
            return command;
        }
        List<String> tried = new ArrayList<>();
        String explicit = System.getenv("KUSTOMIZE");
        List<List<String[]>> candidates = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(List.of(new String[]{explicit, "build"}, new String[]{explicit, "version"}));
        }
        candidates.add(List.of(new String[]{"kustomize", "build"}, new String[]{"kustomize", "version"}));
        candidates.add(List.of(new String[]{"kubectl", "kustomize"}, new String[]{"kubectl", "version", "--client"}));
        for (List<String[]> candidate : candidates) {
            String[] build = candidate.get(0);
            String[] version = candidate.get(1);
            Result result;
            try {
                result = run(List.of(version));
            } catch (AssertionError notInstalled) {
                tried.add(String.join(" ", version) + ": not installed");
                continue;
            }
            // kubectl prints "Kustomize Version: v5.5.0"; kustomize prints "v5.5.0" (or a build info line)
            String text = result.stdout;
            int at = text.indexOf("Kustomize Version");
            Matcher m = VERSION.matcher(at >= 0 ? text.substring(at) : text);
            if (result.exit == 0 && m.find() && Integer.parseInt(m.group(1)) >= MIN_MAJOR) {
                command = List.of(build);
                return command;
            }
            tried.add(String.join(" ", version) + ": " + text.strip() + " (need kustomize v" + MIN_MAJOR + "+)");
        }
        throw new AssertionError("No kustomize v" + MIN_MAJOR + "+ found. Install kubectl (1.27+) or kustomize, "
                + "or set KUSTOMIZE to its path. Tried: " + tried);
    }

    private record Result(int exit, String stdout, String output) {
    }

    private static Result run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(cmd)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                String stderr = Files.readString(err, StandardCharsets.UTF_8);
                return new Result(process.exitValue(), stdout, stdout + stderr);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
