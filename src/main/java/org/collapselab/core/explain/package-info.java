/**
 * Why a trained model answers as it does, computed through the engine-neutral {@code TrainedModel} only: occlusion
 * sensitivity maps. May use {@code core.training} (the API, not an engine), {@code data}, {@code model} and
 * {@code util}.
 */
package org.collapselab.core.explain;
