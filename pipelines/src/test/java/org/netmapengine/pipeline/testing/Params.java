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

    /**
     * @return what constructing a stage from {@code hocon} reports, as {@code "key: problem"} with the key relative to
     * the params block ({@code rules[0].name}).
     * @throws AssertionError when the constructor accepts the parameters.
     */
    public static String error(final java.util.function.Function<StageParameters, ?> stage, final String hocon)
    {
        try
        {
            stage.apply(of(hocon));
        }
        catch (final org.netmapengine.pipeline.PipelineConfigException e)
        {
            return e.path().substring(PATH.length() + 1) + ": " + e.problem();
        }
        throw new AssertionError("accepted: " + hocon);
    }

    public static StageParameters of(final String hocon)
    {
        final Config config = ConfigFactory.parseString(hocon,
            ConfigParseOptions.defaults().setOriginDescription("test"));
        return new StageParameters(config, PATH, config.origin());
    }
}
