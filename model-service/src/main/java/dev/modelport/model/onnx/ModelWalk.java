package dev.modelport.model.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a serialized ModelProto (field numbers from onnx.proto3). It descends into every place a tensor or
 * a node can hide: the graph, subgraphs of control-flow attributes, model-local functions and training graphs.
 * Fields it does not need, weights included, are skipped without being read into memory.
 */
final class ModelWalk {

    /** Real models nest a few If/Loop levels; a deeper file is more likely an attempt to exhaust the stack. */
    static final int MAX_DEPTH = 64;

    /** Longer names are cut: they only ever appear in error messages and domain checks. */
    private static final int MAX_STRING = 1024;

    private static final int TENSOR_EXTERNAL = 1;

    private static final Set<String> STANDARD_DOMAINS = Set.of("", "ai.onnx", "ai.onnx.ml",
            "ai.onnx.preview.training", "ai.onnx.training", "com.microsoft", "com.microsoft.nchwc",
            "com.microsoft.experimental", "com.ms.internal.nhwc");

    private final CodedInputStream in;

    private long irVersion;
    private String producerName = "";
    private String producerVersion = "";
    private boolean hasGraph;
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private final Set<OperatorId> functions = new HashSet<>();
    /** The first node using each non-standard operator; judged at the end, since functions may come after the graph. */
    private final Map<OperatorId, String> customOperators = new LinkedHashMap<>();

    ModelWalk(CodedInputStream in) {
        this.in = in;
    }

    void walkModel() throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> irVersion = isVarint(tag) ? in.readInt64() : skip(tag, irVersion);
                case 2 -> producerName = isLengthDelimited(tag) ? readString() : skip(tag, producerName);
                case 3 -> producerVersion = isLengthDelimited(tag) ? readString() : skip(tag, producerVersion);
                case 7 -> hasGraph |= message(tag, () -> walkGraph(0));
                case 8 -> message(tag, this::walkOpset);
                case 20 -> message(tag, this::walkTrainingInfo);
                case 25 -> message(tag, this::walkFunction);
                default -> skip(tag);
            }
        }
    }

    /** The model's metadata, once the walk found nothing to reject. */
    OnnxMetadata result() {
        if (irVersion <= 0) {
            throw new InvalidModelException("not an ONNX model: it has no ir_version");
        }
        if (!hasGraph) {
            throw new InvalidModelException("not an ONNX model: it has no graph");
        }
        customOperators.entrySet().stream()
                .filter(entry -> !functions.contains(entry.getKey()))
                .findFirst()
                .ifPresent(entry -> {
                    throw new InvalidModelException("%s uses operator '%s' from custom domain '%s'; custom operator "
                            .formatted(describeNode(entry.getValue()), entry.getKey().name(), entry.getKey().domain())
                            + "libraries are not loaded");
                });
        return new OnnxMetadata(irVersion, opsets, producerName, producerVersion);
    }

    private void walkOpset() throws IOException {
        String domain = "";
        long version = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> domain = isLengthDelimited(tag) ? readString() : skip(tag, domain);
                case 2 -> version = isVarint(tag) ? in.readInt64() : skip(tag, version);
                default -> skip(tag);
            }
        }
        opsets.put(domain, version);
    }

    private void walkGraph(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidModelException("the model nests subgraphs more than " + MAX_DEPTH + " levels deep");
        }
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> message(tag, () -> walkNode(depth));
                case 5 -> message(tag, this::walkTensor);
                case 15 -> message(tag, this::walkSparseTensor);
                default -> skip(tag);
            }
        }
    }

    private void walkNode(int depth) throws IOException {
        String name = "";
        String opType = "";
        String domain = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 3 -> name = isLengthDelimited(tag) ? readString() : skip(tag, name);
                case 4 -> opType = isLengthDelimited(tag) ? readString() : skip(tag, opType);
                case 5 -> message(tag, () -> walkAttribute(depth));
                case 7 -> domain = isLengthDelimited(tag) ? readString() : skip(tag, domain);
                default -> skip(tag);
            }
        }
        if (!STANDARD_DOMAINS.contains(domain)) {
            customOperators.putIfAbsent(new OperatorId(domain, opType), name);
        }
    }

    private void walkAttribute(int depth) throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 5, 10 -> message(tag, this::walkTensor);
                case 6, 11 -> message(tag, () -> walkGraph(depth + 1));
                case 22, 23 -> message(tag, this::walkSparseTensor);
                default -> skip(tag);
            }
        }
    }

    private void walkSparseTensor() throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1, 2 -> message(tag, this::walkTensor);
                default -> skip(tag);
            }
        }
    }

    private void walkTensor() throws IOException {
        String name = "";
        boolean external = false;
        String location = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 8 -> name = isLengthDelimited(tag) ? readString() : skip(tag, name);
                case 13 -> {
                    external = true;
                    String entryLocation = isLengthDelimited(tag) ? readLocation() : skip(tag, null);
                    location = location != null ? location : entryLocation;
                }
                case 14 -> external |= (isVarint(tag) ? in.readEnum() : skip(tag, 0)) == TENSOR_EXTERNAL;
                default -> skip(tag);
            }
        }
        if (external) {
            String where = location != null ? " ('" + location + "')" : "";
            throw new InvalidModelException("tensor '%s' stores its data in an external file%s; upload a "
                    .formatted(name, where) + "self-contained model");
        }
    }

    /** The value of a {@code location} entry of external_data (a StringStringEntryProto), or null for other keys. */
    private String readLocation() throws IOException {
        String[] keyAndValue = {"", ""};
        embedded(() -> {
            int tag;
            while ((tag = in.readTag()) != 0) {
                int field = WireFormat.getTagFieldNumber(tag);
                if ((field == 1 || field == 2) && isLengthDelimited(tag)) {
                    keyAndValue[field - 1] = readString();
                } else {
                    skip(tag);
                }
            }
        });
        return "location".equals(keyAndValue[0]) ? keyAndValue[1] : null;
    }

    private void walkFunction() throws IOException {
        String name = "";
        String domain = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = isLengthDelimited(tag) ? readString() : skip(tag, name);
                case 7 -> message(tag, () -> walkNode(0));
                case 10 -> domain = isLengthDelimited(tag) ? readString() : skip(tag, domain);
                case 11 -> message(tag, () -> walkAttribute(0));
                default -> skip(tag);
            }
        }
        functions.add(new OperatorId(domain, name));
    }

    /** TrainingInfoProto: initialization (1) and algorithm (2) are graphs that may carry tensors too. */
    private void walkTrainingInfo() throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1, 2 -> message(tag, () -> walkGraph(0));
                default -> skip(tag);
            }
        }
    }

    /**
     * Walks an embedded message field with {@code body}. Returns false (and skips the field) when it is not
     * length-delimited, which protobuf parsers treat as an unknown field.
     */
    private boolean message(int tag, Body body) throws IOException {
        if (!isLengthDelimited(tag)) {
            skip(tag);
            return false;
        }
        embedded(body);
        return true;
    }

    /** Walks the embedded message that starts at the current position, confined to its declared length. */
    private void embedded(Body body) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative length");
        }
        int outer = in.pushLimit(length);
        body.walk();
        // readTag also stops at the end of the file, which inside a message means the file was cut short
        if (in.getBytesUntilLimit() != 0) {
            throw new InvalidProtocolBufferException("message ends before its declared length");
        }
        in.popLimit(outer);
    }

    private String readString() throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative length");
        }
        if (length <= MAX_STRING) {
            return new String(in.readRawBytes(length), StandardCharsets.UTF_8);
        }
        String start = new String(in.readRawBytes(MAX_STRING), StandardCharsets.UTF_8);
        in.skipRawBytes(length - MAX_STRING);
        return start + "…";
    }

    private void skip(int tag) throws IOException {
        // an end-group tag where a field should start: not something a valid ONNX file contains
        if (!in.skipField(tag)) {
            throw new InvalidProtocolBufferException("unexpected end-group tag");
        }
    }

    /** Skips a known field that came with an unexpected wire type, keeping the value seen so far. */
    private <T> T skip(int tag, T current) throws IOException {
        skip(tag);
        return current;
    }

    private static boolean isVarint(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT;
    }

    private static boolean isLengthDelimited(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    private static String describeNode(String name) {
        return name.isEmpty() ? "an unnamed node" : "node '" + name + "'";
    }

    private record OperatorId(String domain, String name) {
    }

    @FunctionalInterface
    private interface Body {
        void walk() throws IOException;
    }
}
