package org.netmapengine.io.name;

/**
 * The {@code subsystem:vpname} part of a port name: what identifies the port, and the {@code nr_name} it registers.
 *
 * @param prefix     the subsystem.
 * @param switchId   the VALE switch id (possibly empty), or null for {@link Prefix#NETMAP}.
 * @param parent     the port name without the pipe suffix, with the prefix for VALE.
 * @param pipeEnd    which pipe end, if any.
 * @param pipeId     the pipe id, or null when {@code pipeEnd} is {@link PipeEnd#NONE}.
 * @param kernelName what goes into {@code nmreq_header.nr_name}.
 */
record PortHeader(
    Prefix prefix, String switchId, String parent, PipeEnd pipeEnd, String pipeId, String kernelName)
{
}
