package org.lantern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Fetches a list archive over HTTP(S) to a file, following redirects, with progress. */
final class ListDownload {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private ListDownload() {
    }

    /** Writes what {@code url} serves to {@code file}; a status other than 200 is an {@link IOException}. */
    static long fetch(URI url, Path file, Progress progress) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("User-Agent", "Lantern lists update").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the server answered HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = body.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    bytes += n;
                    progress.downloaded(bytes, total);
                }
            }
            if (total >= 0 && bytes != total) {
                throw new IOException("the download stopped after " + bytes + " of " + total + " bytes");
            }
            progress.downloadDone(bytes);
            return bytes;
        } finally {
            client.close();
        }
    }
}
