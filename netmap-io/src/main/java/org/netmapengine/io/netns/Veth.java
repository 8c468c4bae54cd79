package org.netmapengine.io.netns;

/**
 * A veth pair made by a {@link NetnsLab}.
 *
 * @param local     the end in the caller's network namespace: {@code netmap:LOCAL} opens it.
 * @param namespace the lab namespace the other end is in.
 * @param remote    the end inside {@code namespace}.
 */
public record Veth(String local, String namespace, String remote)
{
}
