package org.netmapengine.pipeline.bpf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.netmapengine.pipeline.bpf.BpfDescriptor.*;

/**
 * The checks a program passes before it may run, as libpcap's {@code bpf_validate}.
 */
class BpfProgramTest
{
    static Stream<Arguments> invalidPrograms()
    {
        return Stream.of(
            Arguments.of(new int[]{ RET | K, 0, 0 }, "instructions come in fours (code, jt, jf, k): length=3"),
            Arguments.of(new int[0], "a program has 1 to 4096 instructions: count=0"),
            Arguments.of(new int[]{ LD | W | IMM, 0, 0, 1 },
                "instruction 0: the last instruction must be a return"),
            Arguments.of(new int[]{ JMP | JEQ | K, 0, 1, 0, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x15 k=0): jump past the end"),
            Arguments.of(new int[]{ JMP | JA, 0, 0, 1, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x5 k=1): jump past the end"),
            Arguments.of(new int[]{ ST, 0, 0, 16, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x2 k=16): memory index out of range"),
            Arguments.of(new int[]{ LD | W | MEM, 0, 0, -1, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x60 k=4294967295): memory index out of range"),
            Arguments.of(new int[]{ ALU | DIV | K, 0, 0, 0, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x34 k=0): division by constant zero"),
            Arguments.of(new int[]{ LD | H | IMM, 0, 0, 0, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x8 k=0): unknown LD"),
            Arguments.of(new int[]{ LDX | H | ABS, 0, 0, 0, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x29 k=0): unknown LDX"),
            Arguments.of(new int[]{ ALU | 0xF0, 0, 0, 0, RET | K, 0, 0, 0 },
                "instruction 0 (code=0xf4 k=0): unknown ALU operation"),
            Arguments.of(new int[]{ RET | X, 0, 0, 0 }, "instruction 0 (code=0xe k=0): unknown return"),
            Arguments.of(new int[]{ MISC | 0x40, 0, 0, 0, RET | K, 0, 0, 0 },
                "instruction 0 (code=0x47 k=0): unknown instruction"));
    }

    @ParameterizedTest
    @MethodSource("invalidPrograms")
    void shouldRefuseAnInvalidProgramSayingWhere(final int[] fours, final String message)
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BpfProgram.of(fours));

        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldCompileAsTcpdumpDoes()
    {
        // tcpdump -dd ip
        assertEquals(BpfProgram.of(new int[]{ 0x28, 0, 0, 0x0000000c, 0x15, 0, 1, 0x00000800, 0x6, 0, 0, 0x00040000,
            0x6, 0, 0, 0x00000000 }), BpfCompiler.compile("ip", 262144));
    }

    @Test
    void shouldGiveLibpcapsMessageForABadExpression()
    {
        final BpfException e = assertThrows(BpfException.class, () -> BpfCompiler.compile("tcp port", 262144));

        assertEquals("can't parse filter expression: syntax error", e.getMessage());
    }
}
