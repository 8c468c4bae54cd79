package org.netmapengine.pipeline.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import org.netmapengine.pipeline.StageParameters;

/**
 * Stage parameters from HOCON text, at path {@code pipeline.stages.s.params} of an origin named {@code test}.
 */
public final class Params
{
    public static final String PATH = "pipeline.stages.s.params";

    private Params()
    {
    }

    public static StageParameters of(final String hocon)
    {
        final Config config = ConfigFactory.parseString(hocon,
            ConfigParseOptions.defaults().setOriginDescription("test"));
        return new StageParameters(config, PATH, config.origin());
    }
}
