package dev.modelport.admin.models;

import dev.modelport.admin.models.ModelRecords.InferRequest;
import dev.modelport.admin.models.ModelRecords.InferResponse;
import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import dev.modelport.admin.models.ModelRecords.NewModel;
import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.models.ModelRecords.RolloutChange;
import dev.modelport.admin.platform.ApiException;
import dev.modelport.admin.platform.PlatformApi;
import dev.modelport.admin.workers.WorkersClient;
import dev.modelport.admin.workers.WorkersClient.Worker;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClientException;

/** model-service's registry, rollout and inference API. */
@Service
class ModelsClient {

    private final PlatformApi api;
    private final WorkersClient workers;

    ModelsClient(PlatformApi api, WorkersClient workers) {
        this.api = api;
        this.workers = workers;
    }

    List<Model> list() {
        return api.rest().get().uri("/api/models").retrieve().body(new ParameterizedTypeReference<List<Model>>() { });
    }

    Model get(String name) {
        return api.rest().get().uri("/api/models/{name}", name).retrieve().body(Model.class);
    }

    Model create(NewModel model) {
        return api.rest().post().uri("/api/models").contentType(MediaType.APPLICATION_JSON).body(model)
                .retrieve().body(Model.class);
    }

    List<ModelVersion> versions(String name) {
        return api.rest().get().uri("/api/models/{name}/versions", name).retrieve()
                .body(new ParameterizedTypeReference<List<ModelVersion>>() { });
    }

    /** Streams the file to model-service as it arrives: nothing of it is held in memory. */
    ModelVersion upload(String name, String fileName, long size, InputStream content, String description) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new StreamedFile(content, fileName, size), MediaType.APPLICATION_OCTET_STREAM);
        if (StringUtils.hasText(description)) {
            parts.part("description", description);
        }
        return api.rest().post().uri("/api/models/{name}/versions", name)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .retrieve().body(ModelVersion.class);
    }

    /** The workers and what each has loaded: one call for every model's health. */
    List<Worker> workers() {
        return workers.list();
    }

    /** Whether production versions are loaded; {@link ProductionHealth#UNKNOWN} when the workers can't be listed now. */
    ProductionHealth productionHealth() {
        try {
            return ProductionHealth.of(workers());
        } catch (ApiException | RestClientException unavailable) {
            return ProductionHealth.UNKNOWN;
        }
    }

    Rollout rollout(String name, RolloutChange change) {
        if (change.production() == null) {
            // no production version: the API takes a model out of service with DELETE
            return api.rest().delete().uri("/api/models/{name}/rollout", name).retrieve().body(Rollout.class);
        }
        return api.rest().put().uri("/api/models/{name}/rollout", name).contentType(MediaType.APPLICATION_JSON)
                .body(change).retrieve().body(Rollout.class);
    }

    InferResponse infer(String name, InferRequest request) {
        return api.rest().post().uri("/v2/models/{name}/infer", name).contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(InferResponse.class);
    }

    /** A file part of known length that is read once, while the request is written. */
    private static final class StreamedFile extends InputStreamResource {

        private final String fileName;
        private final long size;

        StreamedFile(InputStream content, String fileName, long size) {
            super(content);
            this.fileName = fileName;
            this.size = size;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public long contentLength() {
            return size;
        }
    }
}
