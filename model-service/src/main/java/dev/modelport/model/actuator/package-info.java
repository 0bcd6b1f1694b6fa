/**
 * model-service's own actuator endpoints, for operators (the infrastructure user), beside Spring Boot's: views of
 * what this worker runs with now. They read the engine and the catalog; neither knows the endpoints exist.
 */
package dev.modelport.model.actuator;
