package org.milkmobs.adapters.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.milkmobs.adapters.aws.s3.S3Clients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A local stand-in for Amazon Bedrock Runtime that the real AWS SDK talks to through
 * {@code endpointOverride}: InvokeModel, StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes for the
 * Marengo (3.0 and 2.7) and Pegasus bodies, InvokeModelWithResponseStream for Pegasus, and Converse /
 * ConverseStream for text models (streams in the real event-stream framing, {@link EventStreams}). It checks SigV4 signatures, rejects malformed bodies the way
 * Bedrock does (400 ValidationException with {@code x-amzn-ErrorType}), writes asynchronous output through
 * an S3 API (S3Proxy), counts invocations per client request token, and injects faults by scenario.
 */
public final class BedrockDouble implements AutoCloseable {

    public static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    /** The operations, for fault injection and counting. */
    public enum Operation { INVOKE_MODEL, INVOKE_MODEL_WITH_RESPONSE_STREAM, START_ASYNC_INVOKE, GET_ASYNC_INVOKE, LIST_ASYNC_INVOKES, CONVERSE,
        CONVERSE_STREAM }

    /** One request the double received, and what it answered. */
    public record Request(Operation operation, String modelId, String body, int status) {
    }

    private final HttpServer server;
    private final S3Client s3;
    private final SigV4Check signatures;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<Operation, Deque<BedrockFault>> scripted = new ConcurrentHashMap<>();
    private final Map<String, AsyncJob> jobsByArn = new ConcurrentHashMap<>();
    private final Map<String, String> arnByToken = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> startsByToken = new ConcurrentHashMap<>();
    private final AtomicLong arnCounter = new AtomicLong();
    private volatile ContentModel content = ContentModel.HASHING;
    private volatile double throttleProbability;
    private volatile Random throttleRandom = new Random(1);
    private volatile Duration delay = Duration.ZERO;
    private volatile int pollsUntilDone = 1;
    private volatile String asyncFailure;
    private volatile int pegasusTokensNeeded = 300;
    private volatile Function<String, JsonObject> pegasusAnswer = BedrockDouble::defaultPegasusAnswer;

    private BedrockDouble(HttpServer server, S3Client s3, SigV4Check signatures) {
        this.server = server;
        this.s3 = s3;
        this.signatures = signatures;
    }

    /**
     * Starts the double. Callers sign with the same identity as for S3 ({@code accessKey}/{@code secretKey}), as
     * one IAM principal would; asynchronous output and S3 media go through {@code s3Endpoint} (S3Proxy).
     */
    public static BedrockDouble start(URI s3Endpoint, String accessKey, String secretKey) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            S3Client s3 = S3Clients.create(Region.of(REGION), StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                    secretKey)), java.util.Optional.of(s3Endpoint), true);
            BedrockDouble bedrock = new BedrockDouble(server, s3, new SigV4Check(accessKey, secretKey, REGION, "bedrock"));
            server.createContext("/", bedrock::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return bedrock;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Bedrock double", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // --- scenarios -------------------------------------------------------------------------------

    /** The next {@code times} requests of {@code operation} fail with {@code fault}. */
    public BedrockDouble failNext(Operation operation, BedrockFault fault, int times) {
        Deque<BedrockFault> queue = scripted.computeIfAbsent(operation, o -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
        return this;
    }

    /** Every request is throttled (429) with {@code probability}, reproducibly from {@code seed}. */
    public BedrockDouble throttle(double probability, long seed) {
        this.throttleRandom = new Random(seed);
        this.throttleProbability = probability;
        return this;
    }

    public BedrockDouble delayResponses(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Asynchronous jobs report Completed on the {@code polls}-th GetAsyncInvoke. */
    public BedrockDouble completeAfterPolls(int polls) {
        this.pollsUntilDone = polls;
        return this;
    }

    /** Asynchronous jobs started from now on end Failed with {@code reason} (null: they succeed again). */
    public BedrockDouble failAsyncJobs(String reason) {
        this.asyncFailure = reason;
        return this;
    }

    /** Pegasus needs this many output tokens for its answer; with a smaller allowance it is cut off (finishReason=length). */
    public BedrockDouble pegasusNeedsTokens(int tokens) {
        this.pegasusTokensNeeded = tokens;
        return this;
    }

    /** What Pegasus answers (the JSON inside {@code message}) for a prompt. */
    public BedrockDouble pegasusAnswers(Function<String, JsonObject> answer) {
        this.pegasusAnswer = answer;
        return this;
    }

    public BedrockDouble content(ContentModel model) {
        this.content = model;
        return this;
    }

    public void reset() {
        scripted.clear();
        throttleProbability = 0;
        delay = Duration.ZERO;
        pollsUntilDone = 1;
        asyncFailure = null;
        pegasusTokensNeeded = 300;
        pegasusAnswer = BedrockDouble::defaultPegasusAnswer;
        requests.clear();
    }

    // --- what it saw -----------------------------------------------------------------------------

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many asynchronous invocations exist for the token: 0 or 1, however often it was started. */
    public int invocations(String clientRequestToken) {
        return arnByToken.containsKey(clientRequestToken) ? 1 : 0;
    }

    /** How many StartAsyncInvoke requests carried the token (each after the first found the same invocation). */
    public int startRequests(String clientRequestToken) {
        return startsByToken.getOrDefault(clientRequestToken, new AtomicInteger()).get();
    }

    public Set<String> clientRequestTokens() {
        return Set.copyOf(arnByToken.keySet());
    }

    // --- the wire --------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            Operation operation = operation(exchange.getRequestMethod(), path);
            String modelId = path.startsWith("/model/") && operation != null
                    ? decode(path.substring("/model/".length(), path.lastIndexOf('/'))) : "";
            Answer answer = answer(exchange, operation, modelId, body);
            requests.add(new Request(operation, modelId, new String(body, StandardCharsets.UTF_8), answer.status));
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            answer.headers.forEach((k, v) -> {
                if (!k.equals("Content-Type")) {
                    exchange.getResponseHeaders().add(k, v);
                }
            });
            exchange.getResponseHeaders().add("Content-Type", answer.headers.getOrDefault("Content-Type", "application/json"));
            exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
            exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    record Answer(int status, byte[] body, Map<String, String> headers) {
        static Answer json(int status, JsonObject body) {
            return new Answer(status, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Answer error(BedrockFault fault, String message) {
            return new Answer(fault.status(), Json.createObjectBuilder().add("message", message).build().toString()
                    .getBytes(StandardCharsets.UTF_8), Map.of("x-amzn-ErrorType", fault.errorType()
                    + ":http://internal.amazon.com/coral/com.amazon.bedrock/"));
        }
    }

    private static Operation operation(String method, String path) {
        if ("POST".equals(method) && path.startsWith("/model/") && path.endsWith("/invoke")) {
            return Operation.INVOKE_MODEL;
        }
        if ("POST".equals(method) && path.startsWith("/model/") && path.endsWith("/invoke-with-response-stream")) {
            return Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
        }
        if ("POST".equals(method) && path.startsWith("/model/") && path.endsWith("/converse")) {
            return Operation.CONVERSE;
        }
        if ("POST".equals(method) && path.startsWith("/model/") && path.endsWith("/converse-stream")) {
            return Operation.CONVERSE_STREAM;
        }
        if ("POST".equals(method) && path.equals("/async-invoke")) {
            return Operation.START_ASYNC_INVOKE;
        }
        if ("GET".equals(method) && path.startsWith("/async-invoke/")) {
            return Operation.GET_ASYNC_INVOKE;
        }
        if ("GET".equals(method) && path.equals("/async-invoke")) {
            return Operation.LIST_ASYNC_INVOKES;
        }
        return null;
    }

    private Answer answer(HttpExchange exchange, Operation operation, String modelId, byte[] body) {
        if (operation == null) {
            return Answer.error(BedrockFault.NOT_FOUND, "unknown operation " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath());
        }
        String signatureProblem = signatures.problem(exchange, body);
        if (signatureProblem != null) {
            return new Answer(403, Json.createObjectBuilder().add("message", signatureProblem).build().toString()
                    .getBytes(StandardCharsets.UTF_8), Map.of("x-amzn-ErrorType", "InvalidSignatureException"));
        }
        BedrockFault fault = nextFault(operation);
        if (fault != null) {
            return Answer.error(fault, fault.message());
        }
        try {
            return switch (operation) {
                case INVOKE_MODEL -> invokeModel(modelId, body);
                case START_ASYNC_INVOKE -> startAsyncInvoke(body);
                case GET_ASYNC_INVOKE -> getAsyncInvoke(decode(exchange.getRequestURI().getRawPath().substring("/async-invoke/".length())));
                case LIST_ASYNC_INVOKES -> listAsyncInvokes(query(exchange.getRequestURI().getRawQuery()));
                case CONVERSE -> Answer.json(200, converse(body));
                case CONVERSE_STREAM -> EventStreams.converse(converse(body));
                case INVOKE_MODEL_WITH_RESPONSE_STREAM -> pegasusStream(modelId, body);
            };
        } catch (Invalid e) {
            return Answer.error(BedrockFault.VALIDATION, e.getMessage());
        }
    }

    private BedrockFault nextFault(Operation operation) {
        Deque<BedrockFault> queue = scripted.get(operation);
        BedrockFault fault = queue == null ? null : queue.poll();
        if (fault != null) {
            return fault;
        }
        synchronized (this) {
            return throttleProbability > 0 && throttleRandom.nextDouble() < throttleProbability ? BedrockFault.THROTTLING : null;
        }
    }

    private Answer invokeModel(String modelId, byte[] body) {
        JsonObject request = BedrockBodies.object(body);
        if (modelId.contains("pegasus")) {
            return pegasus(request);
        }
        BedrockBodies.Marengo version = BedrockBodies.marengo(modelId);
        if (version == BedrockBodies.Marengo.V2_7 && !modelId.matches("(us|eu|apac|global)\\..*")) {
            throw new Invalid("Invocation of model ID " + modelId + " with on-demand throughput isn't supported. Retry your request with"
                    + " the ID or ARN of an inference profile that contains this model.");
        }
        BedrockBodies.MarengoInput input = BedrockBodies.marengoInput(version, request);
        if (!Set.of("text", "image", "text_image").contains(input.type())) {
            throw new Invalid("inputType " + input.type() + " is only supported with StartAsyncInvoke");
        }
        float[] vector = switch (input.type()) {
            case "text" -> content.text(input.text(), version.dimension());
            case "text_image" -> content.textImage(input.text(), media(input.mediaSource()), version.dimension());
            default -> content.image(media(input.mediaSource()), version.dimension());
        };
        JsonObject answer = Json.createObjectBuilder().add("data", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("embedding", array(vector)))).build();
        return new Answer(200, answer.toString().getBytes(StandardCharsets.UTF_8), Map.of(
                "x-amzn-bedrock-input-token-count", String.valueOf(input.text() != null ? input.text().split("\\s+").length : 0)));
    }

    /** Pegasus's answer to InvokeModel: the whole message at once, its token counts in the response headers. */
    private Answer pegasus(JsonObject request) {
        PegasusReply reply = pegasusReply(request);
        JsonObject body = Json.createObjectBuilder().add("message", reply.message()).add("finishReason", reply.finishReason()).build();
        return new Answer(200, body.toString().getBytes(StandardCharsets.UTF_8), Map.of(
                "x-amzn-bedrock-input-token-count", String.valueOf(reply.inputTokens()),
                "x-amzn-bedrock-output-token-count", String.valueOf(reply.outputTokens())));
    }

    /**
     * Pegasus's answer to InvokeModelWithResponseStream: the same message in chunks of a word each
     * ({@code {"message": piece}}), then a last chunk with {@code finishReason} and Bedrock's invocation metrics,
     * the only place a streamed call's token counts can travel (its headers left before the model wrote).
     */
    private Answer pegasusStream(String modelId, byte[] body) {
        if (!modelId.contains("pegasus")) {
            throw new Invalid("The double streams InvokeModel answers for Pegasus only, not " + modelId);
        }
        PegasusReply reply = pegasusReply(BedrockBodies.object(body));
        List<JsonObject> parts = new ArrayList<>();
        for (String piece : reply.message().split("(?<= )")) {
            parts.add(Json.createObjectBuilder().add("message", piece).build());
        }
        parts.add(Json.createObjectBuilder().add("finishReason", reply.finishReason())
                .add("amazon-bedrock-invocationMetrics", Json.createObjectBuilder().add("inputTokenCount", reply.inputTokens())
                        .add("outputTokenCount", reply.outputTokens()).add("invocationLatency", 1).add("firstByteLatency", 1))
                .build());
        return EventStreams.chunks(parts);
    }

    private record PegasusReply(String message, String finishReason, int inputTokens, int outputTokens) {
    }

    private PegasusReply pegasusReply(JsonObject request) {
        BedrockBodies.PegasusInput input = BedrockBodies.pegasusInput(request);
        byte[] video = media(input.mediaSource());
        String message = pegasusAnswer.apply(input.prompt()).toString();
        boolean truncated = input.maxOutputTokens() < pegasusTokensNeeded;
        if (truncated) {
            message = message.substring(0, Math.max(1, message.length() / 2));
        }
        return new PegasusReply(message, truncated ? "length" : "stop", input.prompt().split("\\s+").length + video.length / 1000,
                truncated ? input.maxOutputTokens() : pegasusTokensNeeded);
    }

    /**
     * Converse, as a text model answers it: the reply is "You said: " and the last user message, one token per
     * word; an allowance too small cuts it ({@code stopReason: max_tokens}). Usage counts words as tokens.
     */
    private JsonObject converse(byte[] body) {
        JsonObject request = BedrockBodies.object(body);
        BedrockBodies.requireOnly(request, Set.of("messages", "system", "inferenceConfig", "additionalModelRequestFields",
                "additionalModelResponseFieldPaths", "toolConfig", "guardrailConfig", "promptVariables", "requestMetadata",
                "performanceConfig"));
        if (!request.containsKey("messages") || request.getJsonArray("messages").isEmpty()) {
            throw new Invalid("The messages field is required and must hold at least one message.");
        }
        List<String> words = new ArrayList<>();
        String lastUser = null;
        String expectedRole = "user";
        for (JsonValue value : request.getJsonArray("messages")) {
            JsonObject message = value.asJsonObject();
            String role = message.getString("role", "");
            if (!role.equals(expectedRole)) {
                throw new Invalid("A conversation must alternate between user and assistant roles, starting with user.");
            }
            expectedRole = role.equals("user") ? "assistant" : "user";
            StringBuilder text = new StringBuilder();
            for (JsonValue block : message.getJsonArray("content")) {
                text.append(block.asJsonObject().getString("text", ""));
            }
            words.addAll(List.of(text.toString().trim().split("\\s+")));
            if (role.equals("user")) {
                lastUser = text.toString().trim();
            }
        }
        if (request.containsKey("system")) {
            request.getJsonArray("system").forEach(v -> words.addAll(List.of(v.asJsonObject().getString("text", "").trim().split("\\s+"))));
        }
        int maxTokens = request.containsKey("inferenceConfig") && request.getJsonObject("inferenceConfig").containsKey("maxTokens")
                ? request.getJsonObject("inferenceConfig").getInt("maxTokens") : 4096;
        if (maxTokens < 1) {
            throw new Invalid("inferenceConfig.maxTokens must be at least 1");
        }
        List<String> reply = new ArrayList<>(List.of(("You said: " + lastUser).split("\\s+")));
        boolean cut = reply.size() > maxTokens;
        List<String> spoken = cut ? reply.subList(0, maxTokens) : reply;
        JsonObject answer = Json.createObjectBuilder()
                .add("output", Json.createObjectBuilder().add("message", Json.createObjectBuilder().add("role", "assistant")
                        .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", String.join(" ", spoken))))))
                .add("stopReason", cut ? "max_tokens" : "end_turn")
                .add("usage", Json.createObjectBuilder().add("inputTokens", words.size()).add("outputTokens", spoken.size())
                        .add("totalTokens", words.size() + spoken.size()))
                .add("metrics", Json.createObjectBuilder().add("latencyMs", 1))
                .build();
        return answer;
    }

    private Answer startAsyncInvoke(byte[] body) {
        JsonObject request = BedrockBodies.object(body);
        BedrockBodies.requireOnly(request, Set.of("clientRequestToken", "modelId", "modelInput", "outputDataConfig", "tags"));
        String modelId = BedrockBodies.string(request, "modelId");
        if (modelId.matches("(us|eu|apac|global)\\..*")) {
            throw new Invalid("StartAsyncInvoke takes a base model id, not the inference profile " + modelId);
        }
        BedrockBodies.Marengo version = BedrockBodies.marengo(modelId);
        if (!request.containsKey("modelInput") || request.get("modelInput").getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Invalid("modelInput is required");
        }
        BedrockBodies.MarengoInput input = BedrockBodies.marengoInput(version, request.getJsonObject("modelInput"));
        String outputUri = BedrockBodies.outputUri(request);
        String token = request.containsKey("clientRequestToken") ? BedrockBodies.token(request.getString("clientRequestToken"))
                : java.util.UUID.randomUUID().toString();
        startsByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        String arn = arnByToken.computeIfAbsent(token, t -> {
            String newArn = "arn:aws:bedrock:" + REGION + ":" + ACCOUNT + ":async-invoke/" + String.format("%012d", arnCounter.incrementAndGet());
            jobsByArn.put(newArn, new AsyncJob(newArn, modelId, token, version, input, outputUri, Instant.now(), asyncFailure));
            return newArn;
        });
        return Answer.json(200, Json.createObjectBuilder().add("invocationArn", arn).build());
    }

    private Answer getAsyncInvoke(String arn) {
        AsyncJob job = jobsByArn.get(arn);
        if (job == null) {
            return Answer.error(BedrockFault.NOT_FOUND, "no async invocation " + arn);
        }
        job.advance(pollsUntilDone, this);
        return Answer.json(200, job.toJson());
    }

    private Answer listAsyncInvokes(Map<String, String> query) {
        int max = Integer.parseInt(query.getOrDefault("maxResults", "1000"));
        if (max < 1 || max > 1000) {
            throw new Invalid("maxResults must be between 1 and 1000");
        }
        List<AsyncJob> jobs = new ArrayList<>(jobsByArn.values());
        jobs.sort((a, b) -> a.arn.compareTo(b.arn));
        String status = query.get("statusEquals");
        List<AsyncJob> matching = jobs.stream().filter(j -> status == null || j.status.equals(status)).toList();
        int from = query.containsKey("nextToken") ? Integer.parseInt(query.get("nextToken")) : 0;
        JsonArrayBuilder page = Json.createArrayBuilder();
        matching.stream().skip(from).limit(max).forEach(j -> page.add(j.toJson()));
        JsonObjectBuilder answer = Json.createObjectBuilder().add("asyncInvokeSummaries", page);
        if (from + max < matching.size()) {
            answer.add("nextToken", String.valueOf(from + max));
        }
        return Answer.json(200, answer.build());
    }

    /** The bytes a mediaSource points at: inline base64, or an object read through S3. */
    private byte[] media(JsonObject source) {
        if (source.containsKey("base64String")) {
            try {
                return Base64.getDecoder().decode(source.getString("base64String"));
            } catch (IllegalArgumentException e) {
                throw new Invalid("mediaSource.base64String is not valid base64");
            }
        }
        URI uri = URI.create(source.getJsonObject("s3Location").getString("uri"));
        try {
            return s3.getObjectAsBytes(b -> b.bucket(uri.getHost()).key(uri.getPath().substring(1))).asByteArray();
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            throw new Invalid("Unable to access the S3 object " + uri);
        }
    }

    /** A StartAsyncInvoke job: in progress until polled enough, then it writes its output and completes (or fails). */
    private static final class AsyncJob {
        final String arn;
        final String modelId;
        final String token;
        final BedrockBodies.Marengo version;
        final BedrockBodies.MarengoInput input;
        final String outputUri;
        final Instant submitted;
        final String failure;
        volatile String status = "InProgress";
        volatile Instant modified;
        int polls;

        AsyncJob(String arn, String modelId, String token, BedrockBodies.Marengo version, BedrockBodies.MarengoInput input,
                 String outputUri, Instant submitted, String failure) {
            this.arn = arn;
            this.modelId = modelId;
            this.token = token;
            this.version = version;
            this.input = input;
            this.outputUri = outputUri;
            this.submitted = submitted;
            this.failure = failure;
            this.modified = submitted;
        }

        synchronized void advance(int pollsUntilDone, BedrockDouble bedrock) {
            if (!"InProgress".equals(status) || ++polls < pollsUntilDone) {
                return;
            }
            if (failure != null) {
                status = "Failed";
            } else {
                bedrock.writeOutput(this);
                status = "Completed";
            }
            modified = Instant.now();
        }

        JsonObject toJson() {
            JsonObjectBuilder json = Json.createObjectBuilder().add("invocationArn", arn)
                    .add("modelArn", "arn:aws:bedrock:" + REGION + "::foundation-model/" + modelId)
                    .add("clientRequestToken", token).add("status", status)
                    .add("submitTime", submitted.toString()).add("lastModifiedTime", modified.toString())
                    .add("outputDataConfig", Json.createObjectBuilder().add("s3OutputDataConfig", Json.createObjectBuilder()
                            .add("s3Uri", outputUri)));
            if (!"InProgress".equals(status)) {
                json.add("endTime", modified.toString());
            }
            if ("Failed".equals(status)) {
                json.add("failureMessage", failure);
            }
            return json.build();
        }
    }

    private void writeOutput(AsyncJob job) {
        byte[] media = "text".equals(job.input.type()) ? job.input.text().getBytes(StandardCharsets.UTF_8) : media(job.input.mediaSource());
        JsonArrayBuilder data = Json.createArrayBuilder();
        int dimension = job.version.dimension();
        if ("text".equals(job.input.type())) {
            data.add(Json.createObjectBuilder().add("embedding", array(content.text(job.input.text(), dimension))));
        } else {
            List<ContentModel.Clip> clips = content.media(media, job.input.segmentSeconds(), dimension);
            Map<String, List<float[]>> byOption = new LinkedHashMap<>();
            double end = 0;
            for (ContentModel.Clip clip : clips) {
                end = Math.max(end, clip.endSec());
                Map<String, float[]> vectors = new HashMap<>();
                vectors.put(job.version == BedrockBodies.Marengo.V3_0 ? "visual" : "visual-text", clip.visual());
                vectors.put("visual-image", clip.visual());
                vectors.put("audio", clip.audio());
                vectors.put("transcription", clip.transcription());
                for (String option : job.input.options()) {
                    if (!"video".equals(job.input.type()) && !option.equals("audio")) {
                        continue;
                    }
                    float[] vector = vectors.get(option);
                    byOption.computeIfAbsent(option, o -> new ArrayList<>()).add(vector);
                    if (job.input.scopes().contains("clip")) {
                        JsonObjectBuilder item = Json.createObjectBuilder().add("embedding", array(vector)).add("embeddingOption", option)
                                .add("startSec", clip.startSec()).add("endSec", clip.endSec());
                        if (job.version == BedrockBodies.Marengo.V3_0) {
                            item.add("embeddingScope", "clip");
                        }
                        data.add(item);
                    }
                }
            }
            if (job.version == BedrockBodies.Marengo.V3_0 && job.input.scopes().contains("asset")) {
                for (Map.Entry<String, List<float[]>> option : byOption.entrySet()) {
                    data.add(Json.createObjectBuilder().add("embedding", array(mean(option.getValue(), dimension)))
                            .add("embeddingOption", option.getKey()).add("embeddingScope", "asset").add("startSec", 0).add("endSec", end));
                }
            }
        }
        URI prefix = URI.create(job.outputUri.endsWith("/") ? job.outputUri : job.outputUri + "/");
        String id = job.arn.substring(job.arn.lastIndexOf('/') + 1);
        String key = (prefix.getPath().length() > 1 ? prefix.getPath().substring(1) : "") + id + "/";
        s3.putObject(b -> b.bucket(prefix.getHost()).key(key + "output.json").contentType("application/json"),
                RequestBody.fromString(Json.createObjectBuilder().add("data", data).build().toString()));
        // Bedrock leaves other files beside the output; readers must not trip over them
        s3.putObject(b -> b.bucket(prefix.getHost()).key(key + "manifest.json.out"), RequestBody.fromString("{\"processed\":1}"));
    }

    private static float[] mean(List<float[]> vectors, int dimension) {
        float[] sum = new float[dimension];
        for (float[] v : vectors) {
            for (int i = 0; i < dimension; i++) {
                sum[i] += v[i];
            }
        }
        return ContentModel.normalised(sum, 5, dimension);
    }

    private static JsonArrayBuilder array(float[] vector) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (float v : vector) {
            array.add(v);
        }
        return array;
    }

    private static JsonObject defaultPegasusAnswer(String prompt) {
        return Json.createObjectBuilder()
                .add("participation_score", 0.9)
                .add("on_screen_text", "MILK MOB")
                .add("summary", "People pour milk in slow motion, in the campaign's style.")
                .add("highlights", Json.createArrayBuilder().add(Json.createObjectBuilder().add("start_sec", 0).add("end_sec", 2)
                        .add("description", "the pour")))
                .add("has_speech", false)
                .add("has_music", true)
                .build();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        // its request threads are not daemons: a benchmark's JVM (exec:java) would wait for them forever
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdownNow();
        }
        s3.close();
    }

    /** A request Bedrock would refuse with a ValidationException. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }
}
