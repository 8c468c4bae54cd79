package com.acme;

import org.netmapengine.pipeline.Stage;

/** A stage that cannot be instantiated. */
public abstract class AbstractStage implements Stage
{
}
