package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.Map;

/**
 * This project's own strict model of the part of CloudNativePG's {@code postgresql.cnpg.io/v1}
 * Cluster that the manifests use (CloudNativePG ships no Java model). Field names and allowed
 * values follow the CloudNativePG API reference; any field not modelled here fails the test,
 * so adding one means looking it up and adding it here.
 */
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(int instances, String imageName, UpdateStrategy primaryUpdateStrategy, Boolean enableSuperuserAccess,
                Bootstrap bootstrap, Postgresql postgresql, Storage storage, ResourceRequirements resources,
                Affinity affinity) {
    }

    enum UpdateStrategy { unsupervised, supervised }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner) {
    }

    record Postgresql(Map<String, String> parameters) {
    }

    record Storage(String size, String storageClass) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, AntiAffinityType podAntiAffinityType) {
    }

    enum AntiAffinityType { preferred, required }
}
