package org.milkmobs.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The container image's configuration as the pom's {@code image} profile gives it to Jib, against what the image
 * stands on and what runs it: the two bases (scripts/base-image.sh, deploy/container/base.Containerfile) and the
 * Deployment. Cheap and offline: it reads files and runs no Jib; {@code ./mm image check} builds and runs the image.
 */
class ContainerImageConfigTest {

    private static final Path BASE_SCRIPT = Path.of("..", "scripts", "base-image.sh");
    private static final Path CONTAINERFILE = Path.of("..", "deploy", "container", "base.Containerfile");
    private static final Path DEPLOYMENT = Path.of("..", "deploy", "k8s", "deployment.yaml");

    private static Element container;
    private static Element jib;
    private static List<String> entrypoint;
    private static JsonNode pod;

    @BeforeAll
    static void read() throws Exception {
        Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        Element profile = children(child(pom, "profiles"), "profile").stream()
                .filter(p -> text(child(p, "id")).equals("image")).findFirst().orElseThrow();
        Element plugin = children(child(child(profile, "build"), "plugins"), "plugin").stream()
                .filter(p -> text(child(p, "artifactId")).equals("jib-maven-plugin")).findFirst().orElseThrow();
        jib = child(plugin, "configuration");
        container = child(jib, "container");
        entrypoint = children(child(container, "entrypoint"), "arg").stream().map(ContainerImageConfigTest::text).toList();
        pod = new ObjectMapper(new YAMLFactory()).readTree(DEPLOYMENT.toFile()).path("spec").path("template").path("spec");
    }

    @Test
    void theImageRunsAsTheNonRootUserBothBasesCreateAndTheDeploymentExpects() throws IOException {
        assertThat(text(child(container, "user"))).isEqualTo("10001:10001");
        assertThat(Files.readString(BASE_SCRIPT)).contains("APP_UID=10001", "useradd --uid $uid --gid $uid");
        assertThat(Files.readString(CONTAINERFILE)).contains("useradd --uid 10001 --gid 10001", "USER 10001:10001");
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.path("securityContext").path("runAsGroup").asInt()).isEqualTo(10001);
    }

    @Test
    void theEntryPointListensOnTheExposedPortTheDeploymentNames() {
        List<String> ports = children(child(container, "ports"), "port").stream().map(ContainerImageConfigTest::text).toList();
        assertThat(ports).containsExactly("8080");
        assertThat(argumentAfter("--port")).isEqualTo("8080");
        assertThat(mainContainer().path("ports").get(0).path("containerPort").asText()).isEqualTo("8080");
    }

    @Test
    void everyFileTheEntryPointNamesIsPutInTheImage() {
        String appRoot = text(child(container, "appRoot"));
        assertThat(argumentAfter("--deploy")).as("Payara deploys the exploded WAR Jib lays out").isEqualTo(appRoot);
        Map<String, Element> extra = new LinkedHashMap<>();
        for (Element path : children(child(child(jib, "extraDirectories"), "paths"), "path")) {
            extra.put(text(child(path, "into")), path);
        }
        assertThat(argumentAfter("-jar")).isEqualTo("/opt/milkmobs/payara-micro.jar");
        assertThat(text(child(extra.get("/opt/milkmobs"), "includes"))).isEqualTo("payara-micro.jar");
        for (String option : List.of("--prebootcommandfile", "--postdeploycommandfile")) {
            Path inImage = Path.of(argumentAfter(option));
            Element from = extra.get(inImage.getParent().toString());
            assertThat(from).as(option + " " + inImage + ": a folder the image gets").isNotNull();
            Path source = Path.of(text(child(from, "from")).replace("${project.basedir}", ".")).resolve(inImage.getFileName());
            assertThat(source).as(option).isRegularFile();
        }
    }

    @Test
    void theWritableFoldersAreTheOnesTheBasesAndTheDeploymentProvide() throws IOException {
        assertThat(text(child(child(container, "environment"), "MILKMOBS_DATA_DIR"))).isEqualTo("/var/lib/milkmobs");
        assertThat(Files.readString(BASE_SCRIPT)).contains("mkdir -p /var/lib/milkmobs", "chown $uid:$uid /var/lib/milkmobs");
        assertThat(Files.readString(CONTAINERFILE)).contains("chown 10001:10001 /var/lib/milkmobs");
        // Payara unpacks its runtime under java.io.tmpdir and --rootdir: the Deployment's root is read-only
        assertThat(text(child(container, "workingDirectory"))).isEqualTo("/tmp");
        assertThat(entrypoint).contains("-Djava.io.tmpdir=/tmp");
        assertThat(argumentAfter("--rootdir")).startsWith("/tmp/");
        List<String> mounts = new ArrayList<>();
        mainContainer().path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
        assertThat(mounts).contains("/tmp", "/var/lib/milkmobs");
    }

    @Test
    void theHealthLabelsAndTheBaseHealthCheckNameTheProbedPaths() throws IOException {
        Element labels = child(container, "labels");
        String ready = text(child(labels, "org.milkmobs.health.ready"));
        String live = text(child(labels, "org.milkmobs.health.live"));
        assertThat(mainContainer().path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo(ready);
        assertThat(mainContainer().path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo(live);
        assertThat(Files.readString(BASE_SCRIPT)).contains("curl -fs http://127.0.0.1:8080" + live);
        assertThat(Files.readString(CONTAINERFILE)).contains("curl -fs http://127.0.0.1:8080" + live);
    }

    private static JsonNode mainContainer() {
        return pod.path("containers").get(0);
    }

    private static String argumentAfter(String option) {
        int at = entrypoint.indexOf(option);
        assertThat(at).as("the entry point has " + option).isNotNegative().isLessThan(entrypoint.size() - 1);
        return entrypoint.get(at + 1);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getTagName() + "/" + name).hasSize(1);
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }
}
