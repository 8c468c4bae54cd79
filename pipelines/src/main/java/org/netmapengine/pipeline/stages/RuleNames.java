package org.netmapengine.pipeline.stages;

import com.typesafe.config.ConfigUtil;
import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.StageParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule names of a classifier's {@code rules} block, which become its outputs beside {@code miss}.
 */
final class RuleNames
{
    private RuleNames()
    {
    }

    /**
     * @param rules   the {@code rules} block.
     * @param reserved the classifier's own output name, which no rule may take.
     * @param example  a rule as the user would write it, for the message about an empty block.
     * @return the rule names in written order.
     */
    static List<String> of(final StageParameters rules, final String reserved, final String example)
    {
        final List<String> names = rules.keys();
        if (names.isEmpty())
        {
            throw new PipelineConfigException(
                StageParameters.fileOf(rules.origin()), StageParameters.lineOf(rules.origin()), rules.path(),
                "expected at least one rule, such as " + example);
        }
        for (final String name : names)
        {
            if (!Names.isValid(name))
            {
                throw rules.error(ConfigUtil.joinPath(name), "rule names become output names: expected " +
                    Names.EXPECTED);
            }
            if (reserved.equals(name))
            {
                throw rules.error(name, "'" + reserved + "' is the output for frames no rule matches: " +
                    "expected another rule name");
            }
        }
        return names;
    }

    /** @return the rule names followed by {@code last}: a classifier's outputs. */
    static List<String> outputs(final List<String> names, final String last)
    {
        final List<String> outputs = new ArrayList<>(names);
        outputs.add(last);
        return List.copyOf(outputs);
    }
}
