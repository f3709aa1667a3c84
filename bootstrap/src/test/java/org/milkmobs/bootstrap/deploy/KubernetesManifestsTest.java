package org.milkmobs.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s read into the Kubernetes API's own model (fabric8): each document must be a known kind with no
 * field the API does not have (a misspelt {@code readinessProbe} would be silently ignored by an old kubectl),
 * and the manifests must agree with the WAR: probes on its health paths, configuration keys it reads, the
 * image the build makes, secrets in the Secret, and a disruption budget that keeps a pod serving.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("..", "deploy", "k8s");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Deployment", Deployment.class, "Service", Service.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    /** Variables read by something other than MicroProfile Config: the AWS SDK's default credential chain. */
    private static final Set<String> NOT_CONFIG_KEYS = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static List<HasMetadata> resources;

    @BeforeAll
    static void read() throws IOException {
        resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList()) {
                for (JsonNode document : YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
                    String kind = document.path("kind").asText();
                    assertThat(KINDS).as(file + ": kind " + kind).containsKey(kind);
                    HasMetadata resource = YAML.treeToValue(document, KINDS.get(kind));
                    assertThat(unknownFields(resource, "")).as(file + ": fields the Kubernetes API does not have").isEmpty();
                    resources.add(resource);
                }
            }
        }
    }

    @Test
    void everyKindIsThereOnceAndTheKustomizationListsEveryFile() throws IOException {
        assertThat(resources.stream().map(HasMetadata::getKind).collect(Collectors.toSet())).containsAll(KINDS.keySet());
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(textValues(kustomization.path("resources")));
        }
    }

    @Test
    void probesAskTheHealthPathsOfTheContainerPort() {
        Container container = container();
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getContainerPort()).as("the port the image starts Payara on").isEqualTo(8080);
            assertThat(port.getName()).isEqualTo("http");
        });
        assertHttpProbe(container.getReadinessProbe(), "/health/ready");
        assertHttpProbe(container.getStartupProbe(), "/health/ready");
        assertHttpProbe(container.getLivenessProbe(), "/health/live");
        Service service = one(Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment().getSpec().getTemplate().getMetadata().getLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http")));
    }

    @Test
    void theImageIsTheOneTheBuildMakesAndRunsAsNonRootWithResourceRequests() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = projectVersion(pom);
        assertThat(pom).contains("<milkmobs.image>milkmobs:${project.version}</milkmobs.image>");
        assertThat(container().getImage()).isEqualTo("milkmobs:" + version);
        var pod = deployment().getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(container().getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container().getResources().getLimits()).containsKey("memory");
        assertThat(pod.getTerminationGracePeriodSeconds()).as("longer than the preStop pause and the jobs' hand-back").isGreaterThan(10);
    }

    @Test
    void everyVariableIsAConfigurationKeyTheWarReadsAndSecretsAreInTheSecret() throws IOException {
        Set<String> known = configurationVariables();
        ConfigMap config = one(ConfigMap.class, "milkmobs");
        Secret secret = one(Secret.class);
        List<String> variables = new ArrayList<>(config.getData().keySet());
        variables.addAll(secret.getStringData().keySet());
        container().getEnv().forEach(env -> variables.add(env.getName()));
        assertThat(variables).as("environment variables the WAR (MicroProfile Config) or the AWS SDK reads")
                .allSatisfy(name -> assertThat(known.contains(name) || NOT_CONFIG_KEYS.contains(name)).as(name).isTrue());

        assertThat(secret.getStringData()).containsKeys("DB_PASSWORD", "STORAGE_LOCAL_SIGNING_KEY");
        assertThat(config.getData()).as("no secret in the ConfigMap").doesNotContainKeys("DB_PASSWORD", "STORAGE_LOCAL_SIGNING_KEY",
                "AWS_SECRET_ACCESS_KEY");
        assertThat(config.getData()).containsEntry("CLUSTER_ENABLED", "true").containsEntry("STORAGE_BACKEND", "s3");
        assertThat(container().getEnvFrom()).extracting(e -> e.getConfigMapRef() != null ? e.getConfigMapRef().getName() : e.getSecretRef().getName())
                .containsExactlyInAnyOrder(config.getMetadata().getName(), secret.getMetadata().getName());
    }

    @Test
    void aDisruptionKeepsAPodServingAndARollingUpdateNeverGoesBelowTheReplicas() {
        PodDisruptionBudget budget = one(PodDisruptionBudget.class);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(1)
                .isLessThan(deployment().getSpec().getReplicas());
        assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment().getSpec().getSelector().getMatchLabels());
        assertThat(deployment().getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
    }

    @Test
    void theAutoscalerScalesTheDeploymentOnTheQueueDepthThatMetricsPublishes() {
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment().getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(budgetMinAvailable() + 1);
        assertThat(hpa.getSpec().getMetrics()).anySatisfy(metric -> {
            assertThat(metric.getExternal().getMetric().getName()).as("a gauge of OperationsMetrics").isEqualTo("milkmobs_jobs");
            assertThat(metric.getExternal().getMetric().getSelector().getMatchLabels()).containsEntry("state", "available");
        });
    }

    @Test
    void aMisspeltFieldIsReported() throws IOException {
        Deployment misspelt = YAML.readValue("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          readinesProbe: {httpGet: {path: /health/ready, port: 8080}}
                """, Deployment.class);
        assertThat(unknownFields(misspelt, "")).containsExactly(".Spec.Template.Spec.Containers[0].readinesProbe");
    }

    private static int budgetMinAvailable() {
        return one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal();
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
    }

    /** Each key of microprofile-config.properties as MicroProfile Config finds it in the environment, and the per-step keys. */
    private static Set<String> configurationVariables() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(in);
        }
        Set<String> keys = properties.stringPropertyNames().stream().collect(Collectors.toSet());
        // read per step without a default (UseCaseProducers): pipeline.cluster-concurrency.<step>
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("pipeline.concurrency."))
                .forEach(k -> keys.add(k.replace("pipeline.concurrency.", "pipeline.cluster-concurrency.")));
        return keys.stream().map(k -> k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()).collect(Collectors.toSet());
    }

    private static String projectVersion(String pom) {
        String parent = pom.substring(pom.indexOf("<parent>"), pom.indexOf("</parent>"));
        return parent.substring(parent.indexOf("<version>") + 9, parent.indexOf("</version>"));
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Deployment deployment() {
        return one(Deployment.class);
    }

    private static Container container() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast).filter(r -> r.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    /**
     * fabric8's model keeps a field it does not know in {@code additionalProperties} instead of failing; this walks the
     * object graph and names every such field, which the API server would reject or ignore.
     */
    static List<String> unknownFields(Object object, String path) {
        List<String> unknown = new ArrayList<>();
        walk(object, path, unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object object, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (object == null || seen.put(object, true) != null || !object.getClass().getName().startsWith("io.fabric8.")) {
            if (object instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    walk(item, path + "[" + i++ + "]", unknown, seen);
                }
            } else if (object instanceof Map<?, ?> map) {
                map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            }
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(object);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    walk(value, path + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
