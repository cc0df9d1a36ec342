package org.lantern.server.incidents.evidence;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How evidence bytes leave Lantern, for the pages and the API alike: always as an attachment, the
 * type as detected when it was added, no sniffing, no scripts even if a browser tried to render
 * it, and no caching of a safeguarding record on a shared computer.
 */
final class EvidenceResponses {

    private EvidenceResponses() {
    }

    static ResponseEntity<byte[]> file(EvidenceService.Download download) {
        return attachment(download.content(), download.item().mediaType(), download.fileName());
    }

    static ResponseEntity<byte[]> zip(EvidenceExport.Export export) {
        return attachment(export.content(), "application/zip", export.fileName());
    }

    private static ResponseEntity<byte[]> attachment(byte[] content, String mediaType, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }
}
