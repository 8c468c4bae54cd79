package org.netmapengine.pipeline.graph;

import org.netmapengine.pipeline.Stage;

/**
 * Makes the instances of one compiled stage: one per parallel instance, each fresh, each from the parameters the
 * compiler already checked by building one instance itself.
 */
@FunctionalInterface
public interface StageFactory
{
    /**
     * @return a new, not yet started stage.
     * @throws RuntimeException only if the stage's constructor behaves differently from when it was validated.
     */
    Stage create();
}
