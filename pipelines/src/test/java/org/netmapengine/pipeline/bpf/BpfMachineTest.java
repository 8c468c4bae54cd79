package org.netmapengine.pipeline.bpf;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netmapengine.pipeline.bpf.BpfDescriptor.*;

/**
 * Each instruction of classic BPF, run by hand-written programs over a small packet.
 */
class BpfMachineTest
{
    private static final byte[] PACKET = { 0x12, 0x34, 0x56, 0x78, (byte)0x9A, (byte)0xBC, 0x45, 0x00 };

    private static int run(final int... fours)
    {
        return new BpfMachine(BpfProgram.of(fours)).run(new UnsafeBuffer(PACKET), PACKET.length, 1000);
    }

    @Test
    void shouldReturnAConstant()
    {
        assertEquals(7, run(RET | K, 0, 0, 7));
    }

    @Test
    void shouldLoadWordsHalfWordsAndBytesInNetworkOrder()
    {
        assertEquals(0x12345678, run(LD | W | ABS, 0, 0, 0, RET | A, 0, 0, 0));
        assertEquals(0x9ABC, run(LD | H | ABS, 0, 0, 4, RET | A, 0, 0, 0));
        assertEquals(0x56, run(LD | B | ABS, 0, 0, 2, RET | A, 0, 0, 0));
    }

    @Test
    void shouldRejectALoadPastTheEndOfThePacket()
    {
        assertEquals(0, run(LD | W | ABS, 0, 0, 5, RET | K, 0, 0, 1));
        assertEquals(0, run(LD | B | ABS, 0, 0, 8, RET | K, 0, 0, 1));
        assertEquals(0, run(LD | H | ABS, 0, 0, -1, RET | K, 0, 0, 1));
    }

    @Test
    void shouldLoadIndirectlyFromX()
    {
        assertEquals(0x78, run(LDX | W | IMM, 0, 0, 2, LD | B | IND, 0, 0, 1, RET | A, 0, 0, 0));
        assertEquals(0, run(LDX | W | IMM, 0, 0, 7, LD | H | IND, 0, 0, 0, RET | K, 0, 0, 1));
        assertEquals(0, run(LDX | W | IMM, 0, 0, -1, LD | B | IND, 0, 0, 2, RET | K, 0, 0, 1));
    }

    @Test
    void shouldLoadTheWireLength()
    {
        assertEquals(1000, run(LD | W | LEN, 0, 0, 0, RET | A, 0, 0, 0));
        assertEquals(1000, run(LDX | W | LEN, 0, 0, 0, MISC | TXA, 0, 0, 0, RET | A, 0, 0, 0));
    }

    @Test
    void shouldLoadFourTimesTheLowNibbleIntoX()
    {
        // 0x45: an IPv4 header length of 5 words, 20 bytes.
        assertEquals(20, run(LDX | B | MSH, 0, 0, 6, MISC | TXA, 0, 0, 0, RET | A, 0, 0, 0));
    }

    @Test
    void shouldStoreAndLoadScratchMemory()
    {
        assertEquals(42, run(LD | W | IMM, 0, 0, 42, ST, 0, 0, 15, LD | W | IMM, 0, 0, 0, LDX | W | MEM, 0, 0, 15,
            MISC | TXA, 0, 0, 0, RET | A, 0, 0, 0));
        assertEquals(9, run(LDX | W | IMM, 0, 0, 9, STX, 0, 0, 3, LD | W | MEM, 0, 0, 3, RET | A, 0, 0, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "0,  7,   3,  10",
        "16, 7,   3,  4",
        "32, 7,   3,  21",
        "48, 7,   3,  2",
        "64, 5,   3,  7",
        "80, 6,   3,  2",
        "96, 1,   4,  16",
        "112, 32, 4,  2",
        "144, 7,  3,  1",
        "160, 6,  3,  5",
        "48, -1,  2,  2147483647",
        "112, -16, 4, 268435455",
        "96, 1,  32,  0",
        "112, 1, 40,  0",
    })
    void shouldComputeEachAluOperationWithKAndX(final int operation, final int a, final int operand, final int result)
    {
        assertEquals(result, run(LD | W | IMM, 0, 0, a, ALU | operation | K, 0, 0, operand, RET | A, 0, 0, 0));
        assertEquals(result, run(LD | W | IMM, 0, 0, a, LDX | W | IMM, 0, 0, operand, ALU | operation | X, 0, 0, 0,
            RET | A, 0, 0, 0));
    }

    @Test
    void shouldNegate()
    {
        assertEquals(-5, run(LD | W | IMM, 0, 0, 5, ALU | NEG, 0, 0, 0, RET | A, 0, 0, 0));
    }

    @Test
    void shouldRejectADivisionByZeroInX()
    {
        assertEquals(0, run(LD | W | IMM, 0, 0, 5, LDX | W | IMM, 0, 0, 0, ALU | DIV | X, 0, 0, 0, RET | K, 0, 0, 1));
        assertEquals(0, run(LD | W | IMM, 0, 0, 5, LDX | W | IMM, 0, 0, 0, ALU | MOD | X, 0, 0, 0, RET | K, 0, 0, 1));
    }

    @ParameterizedTest
    @CsvSource({
        "16, 5, 5, 1",
        "16, 5, 6, 2",
        "32, 6, 5, 1",
        "32, 5, 5, 2",
        "48, 5, 5, 1",
        "48, 4, 5, 2",
        "64, 6, 2, 1",
        "64, 6, 1, 2",
        "32, -1, 5, 1",
    })
    void shouldJumpOnEachConditionWithKAndXUnsigned(final int operation, final int a, final int operand,
        final int result)
    {
        assertEquals(result, run(LD | W | IMM, 0, 0, a, JMP | operation | K, 0, 1, operand,
            RET | K, 0, 0, 1, RET | K, 0, 0, 2));
        assertEquals(result, run(LD | W | IMM, 0, 0, a, LDX | W | IMM, 0, 0, operand, JMP | operation | X, 0, 1, 0,
            RET | K, 0, 0, 1, RET | K, 0, 0, 2));
    }

    @Test
    void shouldJumpAlways()
    {
        assertEquals(2, run(JMP | JA, 0, 0, 1, RET | K, 0, 0, 1, RET | K, 0, 0, 2));
    }

    @Test
    void shouldMoveBetweenAAndX()
    {
        assertEquals(3, run(LD | W | IMM, 0, 0, 3, MISC | TAX, 0, 0, 0, LD | W | IMM, 0, 0, 0, MISC | TXA, 0, 0, 0,
            RET | A, 0, 0, 0));
    }
}
