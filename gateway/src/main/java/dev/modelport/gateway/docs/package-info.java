/** API documentation: Swagger UI at {@code /docs} over the services' OpenAPI descriptions. */
package dev.modelport.gateway.docs;
