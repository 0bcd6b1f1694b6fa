package dev.modelport.model.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An upload over a raw socket that sends its headers and only the first bytes of the file,
 * then waits for the answer with the body still open. A server that checks the size only
 * after reading the whole body never answers it (the read times out); one that enforces the
 * limit while the body streams in answers before the body ends.
 *
 * @param declaredFileBytes the file size the Content-Length announces, or -1 for a chunked body of unknown length
 * @param sentFileBytes how many bytes of the file are sent before waiting for the answer
 */
record UnfinishedUpload(long declaredFileBytes, long sentFileBytes) {

    private static final String BOUNDARY = "----modelport-unfinished";
    private static final int PIECE = 64 * 1024;

    record Answer(int status, String body) {
    }

    /** Something done while the body is unfinished, with the connection's input. */
    interface WhileOpen<T> {
        T run(InputStream fromServer) throws Exception;
    }

    /** Sends the part of the body, then reads the server's answer with the body still unfinished. */
    Answer send(int port, String token, String model) throws Exception {
        return whileOpen(port, token, model, UnfinishedUpload::readAnswer);
    }

    /** Sends the part of the body, runs {@code action} meanwhile, then hangs up without finishing the body. */
    void abandon(int port, String token, String model, Runnable action) throws Exception {
        whileOpen(port, token, model, fromServer -> {
            action.run();
            return null;
        });
    }

    private <T> T whileOpen(int port, String token, String model, WhileOpen<T> action) throws Exception {
        byte[] partHead = ("--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"model.onnx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] partTail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        boolean chunked = declaredFileBytes < 0;
        String framing = chunked ? "Transfer-Encoding: chunked\r\n"
                : "Content-Length: " + (partHead.length + declaredFileBytes + partTail.length) + "\r\n";
        byte[] requestHead = ("POST /api/models/" + model + "/versions HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + framing + "\r\n").getBytes(StandardCharsets.US_ASCII);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // only reached when the server waits for the rest of the body, i.e. when the test fails
            socket.setSoTimeout(30_000);
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(requestHead);
                    writeBody(out, partHead, chunked);
                    byte[] piece = new byte[PIECE];
                    for (long written = 0; written < sentFileBytes; written += PIECE) {
                        writeBody(out, written + PIECE <= sentFileBytes ? piece
                                : new byte[(int) (sentFileBytes - written)], chunked);
                    }
                    out.flush();
                    // the rest of the file and the closing boundary are never sent
                } catch (IOException e) {
                    // the server may stop reading once it has answered
                }
            });
            try {
                return action.run(socket.getInputStream());
            } finally {
                socket.close();
                writer.join();
            }
        }
    }

    private static void writeBody(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Reads the status, headers and JSON body. A chunked answer is read until its JSON object is
     * complete: the server flushes it at once but only ends the chunked body after it gives up on
     * the unfinished request.
     */
    private static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            while (!body.toString(StandardCharsets.UTF_8).trim().endsWith("}")) {
                int size = Integer.parseInt(line(in).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the answer was complete");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
