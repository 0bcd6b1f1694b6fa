/**
 * demo-model: trains the Iris classifier with Tribuo and exports it to ONNX, the model
 * bin/platform up installs so a new user can call one at once.
 */
package dev.modelport.demo;
