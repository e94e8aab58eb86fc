package de.nrw.activation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One rendered kustomization: the raw YAML, the documents as trees and as strictly loaded models. */
record Rendered(String name, String yaml, List<JsonNode> documents, List<Object> objects) {

    /** The overlays ops apply, and the base on its own. */
    static final List<String> TARGETS = List.of("overlays/dev", "overlays/prod", "base");
    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    static Path manifestsDir() {
        return Path.of(System.getProperty("manifests.dir", ".")).toAbsolutePath().normalize();
    }

    static Path repoRoot() {
        String root = System.getProperty("repo.root");
        return root != null ? Path.of(root).toAbsolutePath().normalize() : manifestsDir().resolve("../..").normalize();
    }

    static Rendered of(String target) {
        return CACHE.computeIfAbsent(target, Rendered::render);
    }

    static Stream<String> overlays() {
        return OVERLAYS.stream();
    }

    static Stream<String> targets() {
        return TARGETS.stream();
    }

    private static Rendered render(String target) {
        String yaml = Kustomize.build(manifestsDir().resolve(target));
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = StrictModel.MAPPER.readerFor(JsonNode.class)
                .with(new YAMLFactory()).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(target + ": rendered YAML does not parse: " + e.getMessage(), e);
        }
        List<Object> objects = new ArrayList<>();
        for (JsonNode doc : documents) {
            objects.add(StrictModel.load(doc));
        }
        return new Rendered(target, yaml, List.copyOf(documents), List.copyOf(objects));
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(this.name + ": no " + type.getSimpleName() + " named " + name));
    }

    @Override
    public String toString() {
        return name;
    }
}
