/**
 * Checks of what deploys ModelPort without running it: docker-compose.yml, the Kubernetes
 * manifests under k8s/, Prometheus' scrape config and the Grafana dashboard's queries.
 */
package dev.modelport.e2e.deploy;
