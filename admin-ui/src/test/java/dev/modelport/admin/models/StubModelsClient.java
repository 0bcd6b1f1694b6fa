package dev.modelport.admin.models;

import dev.modelport.admin.models.ModelRecords.InferRequest;
import dev.modelport.admin.models.ModelRecords.InferResponse;
import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import dev.modelport.admin.models.ModelRecords.NewModel;
import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.models.ModelRecords.RolloutChange;
import dev.modelport.admin.platform.ApiException;
import dev.modelport.admin.workers.WorkersClient.Worker;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Answers like model-service would, or with the error it is told to give. */
class StubModelsClient extends ModelsClient {

    List<Model> models = new ArrayList<>();
    List<ModelVersion> versions = new ArrayList<>();
    ApiException failure;
    final List<Object> calls = new ArrayList<>();
    InferResponse inferResponse;
    List<Worker> workers = new ArrayList<>();
    ApiException workersFailure;
    int workersCalls;

    StubModelsClient() {
        super(null, null);
    }

    @Override
    List<Model> list() {
        fail();
        return models;
    }

    @Override
    Model get(String name) {
        fail();
        return models.stream().filter(model -> model.name().equals(name)).findFirst()
                .orElseThrow(() -> new ApiException(404, "model '" + name + "' not found"));
    }

    @Override
    Model create(NewModel model) {
        calls.add(model);
        fail();
        return new Model(model.name(), model.description(), model.tags(), "admin", null, null, 0, null, null);
    }

    @Override
    List<ModelVersion> versions(String name) {
        return versions;
    }

    @Override
    ModelVersion upload(String name, String fileName, long size, InputStream content, String description) {
        calls.add(fileName);
        fail();
        return versions.getLast();
    }

    @Override
    List<Worker> workers() {
        workersCalls++;
        if (workersFailure != null) {
            throw workersFailure;
        }
        return workers;
    }

    @Override
    Rollout rollout(String name, RolloutChange change) {
        calls.add(change);
        fail();
        return new Rollout(change.production(), change.canary(), change.canaryPercent(), change.shadow(), "admin", null);
    }

    @Override
    InferResponse infer(String name, InferRequest request) {
        calls.add(request);
        fail();
        return inferResponse;
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }
}
