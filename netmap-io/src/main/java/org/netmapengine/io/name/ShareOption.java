package org.netmapengine.io.name;

import java.util.Objects;

/**
 * The {@code @share=} option: open the port in the same memory region as another port, so buffers can be swapped
 * between the two without copies.
 * <p>
 * The region id is only known when the other port is looked up ({@code NETMAP_REQ_PORT_INFO_GET} with
 * {@link #kernelName()}), so a clash with an explicit {@code @N} is found at open time, not here.
 *
 * @param port       {@code port}: the other port in {@code subsystem:vpname} form, as written; mandatory, and the
 *                   default key ({@code @share=netmap:eth0}).
 * @param kernelName the {@code nr_name} of the other port.
 */
public record ShareOption(String port, String kernelName)
{
    /**
     * Check both names are present.
     *
     * @param port       {@code port}, as written.
     * @param kernelName the {@code nr_name} of that port.
     */
    public ShareOption
    {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(kernelName, "kernelName");
    }

    /**
     * The option as port-name text, e.g. {@code @share=netmap:eth0}.
     *
     * @return the text.
     */
    public String render()
    {
        return text().render();
    }

    /**
     * The key that was set, for humans.
     *
     * @return the list.
     */
    public String describe()
    {
        return text().describe();
    }

    private OptionText text()
    {
        return new OptionText(OptionSyntax.SHARE).text("port", port);
    }
}
