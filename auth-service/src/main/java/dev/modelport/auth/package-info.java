/**
 * auth-service: the platform's OAuth2 authorization server. Owns admins, API clients, signing
 * keys and the tokens the gateway and model-service trust; features: server, keys, clients, users, web.
 */
package dev.modelport.auth;
