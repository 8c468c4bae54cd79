package org.netmapengine.engine.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version Maven wrote into {@value #RESOURCE} at build time.
 */
final class VersionProvider implements IVersionProvider
{
    static final String RESOURCE = "/netmap-engine-version.properties";

    @Override
    public String[] getVersion() throws IOException
    {
        final Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE))
        {
            if (null != in)
            {
                properties.load(in);
            }
        }
        return new String[]{
            "netmap-engine " + properties.getProperty("version", "(unknown version)"),
            "netmap API " + org.netmapengine.io.abi.NetmapApi.NETMAP_API + ", Java " + Runtime.version()};
    }
}
