package dev.locus.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a raw socket, for bodies no ordinary client sends: chunked bodies that never end,
 * a {@code Content-Length} far beyond what follows. The body is written on its own thread while
 * the response is read, so the server can answer (and close) before the body is done.
 */
final class RawHttp {
    /** The answer, with how many body bytes the writer got out before the server stopped it. */
    record Reply(int status, Map<String, String> headers, String body, long bytesSent) {}

    private RawHttp() {}

    /**
     * Sends a request and reads the answer.
     *
     * @param chunks the body, chunk by chunk; may never end
     * @param contentLength the declared length, or -1 for a chunked body
     */
    static Reply send(
            int port,
            String method,
            String path,
            Map<String, String> headers,
            Iterator<byte[]> chunks,
            long contentLength)
            throws IOException, InterruptedException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(120_000); // a hung server fails the test instead of hanging it
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(
                    contentLength < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long[] sent = {0};
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    while (chunks.hasNext()) {
                        byte[] c = chunks.next();
                        if (contentLength < 0) {
                            out.write((Integer.toHexString(c.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(c);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        } else {
                            out.write(c);
                        }
                        sent[0] += c.length;
                    }
                    if (contentLength < 0) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed: what we wanted
                }
            });
            Reply reply = readReply(s.getInputStream(), sent);
            s.close();
            writer.join();
            return new Reply(reply.status(), reply.headers(), reply.body(), sent[0]);
        }
    }

    private static Reply readReply(InputStream in, long[] sent) throws IOException {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer, got '" + status + "' after " + sent[0] + " body bytes");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(
                    l.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    l.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int n = Integer.parseInt(line(in).strip(), 16); n > 0; n = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(n));
                line(in);
            }
        }
        return new Reply(Integer.parseInt(status.substring(9, 12)), headers, body.toString(StandardCharsets.UTF_8), 0);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return sb.isEmpty() ? null : sb.toString();
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** {@code prefix}, then {@code unit} again and again for ever. */
    static Iterator<byte[]> endless(String prefix, String unit) {
        byte[] first = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] block =
                unit.repeat(Math.max(1, 16 * 1024 / Math.max(1, unit.length()))).getBytes(StandardCharsets.UTF_8);
        return new Iterator<>() {
            boolean started;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public byte[] next() {
                if (!started) {
                    started = true;
                    return first.length > 0 ? first : block;
                }
                return block;
            }
        };
    }

    /** {@code prefix}, then {@code unit} repeated until {@code totalBytes} have been produced. */
    static Iterator<byte[]> sized(String prefix, String unit, long totalBytes) {
        Iterator<byte[]> all = endless(prefix, unit);
        return new Iterator<>() {
            long left = totalBytes;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public byte[] next() {
                byte[] b = all.next();
                if (b.length > left) {
                    b = java.util.Arrays.copyOf(b, (int) left);
                }
                left -= b.length;
                return b;
            }
        };
    }
}
