package com.acme;

/** Not a stage at all. */
public final class NotAStage
{
}
