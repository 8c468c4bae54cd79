package org.netmapengine.actors;

import java.util.List;

/**
 * One stage actor's counters: a segment instance and its member stages.
 */
public record SegmentStatus(String segment, int instance, List<StageStatus> stages, int spareBuffers)
{
}
