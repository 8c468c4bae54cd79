package org.netmapengine.engine.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueFactory;

import java.util.List;

/**
 * Finds the pipeline definition in the text a monitor sends with a reload: a standalone file
 * ({@code pipeline { ... }}, named after the pipeline it replaces when it has no {@code name}) or a node file
 * ({@code netmap-engine.pipelines.NAME { ... }}).
 */
final class ReloadDefinition
{
    private ReloadDefinition()
    {
    }

    /**
     * @return the definition to compile, or null after adding to {@code errors} why there is none.
     */
    static ControlReceiver.Definition parse(final String pipeline, final String hocon, final List<String> errors)
    {
        Config root;
        try
        {
            root = ConfigFactory.parseString(hocon).resolve();
        }
        catch (final ConfigException e)
        {
            errors.add("(hocon) " + e.getMessage());
            return null;
        }
        final String nodePath = ConfigUtil.joinPath("netmap-engine", "pipelines", pipeline);
        if (root.hasPath("pipeline") && !root.hasPath("netmap-engine.pipelines"))
        {
            if (!root.hasPath("pipeline.name"))
            {
                root = root.withValue("pipeline.name", ConfigValueFactory.fromAnyRef(pipeline));
            }
            else if (!pipeline.equals(root.getValue("pipeline.name").unwrapped()))
            {
                errors.add("the definition is of pipeline '" + root.getValue("pipeline.name").unwrapped() +
                    "', not of '" + pipeline + "'");
                return null;
            }
            return new ControlReceiver.Definition(root, "pipeline");
        }
        if (root.hasPath(nodePath))
        {
            return new ControlReceiver.Definition(root, nodePath);
        }
        errors.add("the definition has neither pipeline { } nor " + nodePath + " { }");
        return null;
    }
}
