package dev.modelport.model.web;

import dev.modelport.model.catalog.InvalidRequestException;
import dev.modelport.model.catalog.ModelNames;
import dev.modelport.model.catalog.VersionCatalog;
import dev.modelport.model.storage.Sha256;
import dev.modelport.model.storage.UploadSpool;
import dev.modelport.model.web.ModelResponses.VersionView;
import dev.modelport.support.security.Reach;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/models/{name}/versions}: upload, list, inspect and delete versions. */
@RestController
@RequestMapping("/api/models/{name}/versions")
class VersionController {

    private static final int MAX_DESCRIPTION = 2000;

    private final VersionCatalog versions;
    private final UploadSpool spool;

    VersionController(VersionCatalog versions, UploadSpool spool) {
        this.versions = versions;
        this.spool = spool;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<VersionView> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
                                       @RequestParam("file") MultipartFile file,
                                       @RequestParam(name = "description", required = false) String description)
            throws IOException {
        Reach caller = Reach.of(jwt);
        ModelNames.requireValid(name);
        caller.requireModel(name);
        if (file.isEmpty()) {
            throw new InvalidRequestException("the uploaded file is empty");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidRequestException("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        Path spooled = spool.newFile();
        try {
            file.transferTo(spooled);
            var upload = new VersionCatalog.Upload(spooled, Sha256.of(spooled), Files.size(spooled), description);
            var version = versions.upload(name, upload, caller.actor());
            return ResponseEntity.created(URI.create("/api/models/" + name + "/versions/" + version.version()))
                    .body(VersionView.of(version));
        } finally {
            spool.discard(spooled);
        }
    }

    @GetMapping
    List<VersionView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        Reach.of(jwt).requireModel(name);
        return versions.list(name).stream().map(VersionView::of).toList();
    }

    @GetMapping("/{version}")
    VersionView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String name, @PathVariable int version) {
        Reach.of(jwt).requireModel(name);
        return VersionView.of(versions.get(name, version));
    }

    @DeleteMapping("/{version}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String name, @PathVariable int version) {
        Reach caller = Reach.of(jwt);
        caller.requireModel(name);
        versions.delete(name, version, caller.actor());
        return ResponseEntity.noContent().build();
    }
}
