package dev.stackless.benchmarks

import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.startCoroutineUninterceptedOrReturn
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlin.coroutines.resume
import kotlin.coroutines.startCoroutine
import java.util.concurrent.Executors
import java.util.function.LongSupplier
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.cancelChildren
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/** The Kotlin rows (h): what a Kotlin user would write, called from the Java benchmarks. */
object KotlinRows {
  @JvmField var next = 0
  private var lastParked: Continuation<Unit>? = null

  // --- generator ------------------------------------------------------------------------------

  /** `sequence {}`: the standard library's generator. */
  @JvmStatic
  fun sequenceSum(n: Int): Long {
    var sum = 0L
    for (v in sequence { for (i in 0 until n) yield(i) }) sum += v
    return sum
  }

  /** A producer coroutine sends through a rendezvous Channel, in runBlocking. */
  @JvmStatic
  fun channelGeneratorSum(n: Int): Long = runBlocking {
    val channel = Channel<Int>()
    launch {
      for (i in 0 until n) channel.send(i)
      channel.close()
    }
    var sum = 0L
    for (v in channel) sum += v
    sum
  }

  /**
   * Raw intrinsics: a suspend lambda suspends with `suspendCoroutineUninterceptedOrReturn`,
   * parking its continuation; the consumer resumes it. The shape of a Stackless frame.
   */
  class RawGenerator(private val slot: IntArray, private val n: Int) {
    private var parked: Continuation<Unit>? = null
    @JvmField var done = false

    fun start(): RawGenerator {
      val body: suspend () -> Unit = {
        for (i in 0 until n) {
          slot[0] = i
          suspendCoroutineUninterceptedOrReturn<Unit> { c ->
            parked = c
            COROUTINE_SUSPENDED
          }
        }
      }
      body.startCoroutine(Continuation(EmptyCoroutineContext) { done = true })
      return this
    }

    fun resume() {
      val c = parked!!
      parked = null
      c.resume(Unit)
    }
  }

  // --- ping-pong ------------------------------------------------------------------------------

  /** Two coroutines, the counter through two rendezvous Channels, in runBlocking. */
  @JvmStatic
  fun channelPingPong(n: Int): Int = runBlocking {
    val toPing = Channel<Int>()
    val toPong = Channel<Int>()
    launch { repeat(n / 2) { toPing.send(toPong.receive() + 1) } }
    var v = 0
    repeat(n / 2) {
      toPong.send(v + 1)
      v = toPing.receive()
    }
    v
  }

  class Ball {
    @JvmField var count = 0
    @JvmField var n = 0
  }

  /** A raw-intrinsics player: increments the ball and suspends, until the count reaches n. */
  class RawPlayer(private val ball: Ball) {
    private var parked: Continuation<Unit>? = null
    @JvmField var done = false

    fun start(): RawPlayer {
      val body: suspend () -> Unit = {
        while (ball.count < ball.n) {
          ball.count++
          suspendCoroutineUninterceptedOrReturn<Unit> { c ->
            parked = c
            COROUTINE_SUSPENDED
          }
        }
      }
      body.startCoroutine(Continuation(EmptyCoroutineContext) { done = true })
      return this
    }

    fun resume() {
      val c = parked!!
      parked = null
      c.resume(Unit)
    }
  }

  // --- call chain -----------------------------------------------------------------------------

  suspend fun chain(depth: Int): Int {
    if (depth == 0) return 1
    val r = chain(depth - 1)
    return r + 1
  }

  class Parking {
    var parked: Continuation<Int>? = null
    @JvmField var result = 0
  }

  suspend fun chainSuspending(depth: Int, parking: Parking): Int {
    if (depth == 0) {
      return suspendCoroutineUninterceptedOrReturn { c ->
        parking.parked = c
        COROUTINE_SUSPENDED
      }
    }
    val r = chainSuspending(depth - 1, parking)
    return r + 1
  }

  private val IGNORE = Continuation<Int>(EmptyCoroutineContext) {}

  /** A suspend-function chain that never suspends, started from plain code. */
  @JvmStatic
  fun chainNoSuspend(depth: Int): Int {
    val body: suspend () -> Int = { chain(depth) }
    return body.startCoroutineUninterceptedOrReturn(IGNORE) as Int
  }

  /** The same, the innermost suspends once and is resumed from plain code. */
  @JvmStatic
  fun chainSuspendOnce(depth: Int, parking: Parking): Int {
    val body: suspend () -> Int = { chainSuspending(depth, parking) }
    val done = Continuation<Int>(EmptyCoroutineContext) { parking.result = it.getOrThrow() }
    val r = body.startCoroutineUninterceptedOrReturn(done)
    check(r === COROUTINE_SUSPENDED)
    val c = parking.parked!!
    parking.parked = null
    c.resume(1)
    return parking.result
  }

  // --- memory ---------------------------------------------------------------------------------

  /** A `sequence {}` iterator suspended at its first yield with `locals` live int locals. */
  @JvmStatic
  fun suspendedSequence(locals: Int): Any {
    val iterator =
        if (locals == 1) {
          sequence {
                val i = next++
                yield(0)
                next += i
              }
              .iterator()
        } else {
          sequence {
                val a = next++
                val b = a + 1
                val c = a + 2
                val d = a + 3
                yield(0)
                next += a + b + c + d
              }
              .iterator()
        }
    iterator.hasNext()
    return iterator
  }

  /** A raw coroutine suspended with `locals` live int locals: what its resumer holds. */
  @JvmStatic
  fun suspendedCoroutine(locals: Int): Any {
    val body: suspend () -> Unit =
        if (locals == 1) {
          {
            val i = next++
            suspendCoroutineUninterceptedOrReturn<Unit> { c ->
              lastParked = c
              COROUTINE_SUSPENDED
            }
            next += i
          }
        } else {
          {
            val a = next++
            val b = a + 1
            val c2 = a + 2
            val d = a + 3
            suspendCoroutineUninterceptedOrReturn<Unit> { c ->
              lastParked = c
              COROUTINE_SUSPENDED
            }
            next += a + b + c2 + d
          }
        }
    body.startCoroutine(IGNORE_UNIT)
    val parked = lastParked!!
    lastParked = null
    return parked
  }

  private val IGNORE_UNIT = Continuation<Unit>(EmptyCoroutineContext) {}

  // --- event loop -----------------------------------------------------------------------------

  /** n coroutines each `delay` 0 to 9 ms in runBlocking's event loop; returns once all have fired. */
  @JvmStatic
  fun delays(n: Int): Int {
    var fired = 0
    runBlocking {
      for (i in 0 until n) {
        launch {
          delay((i % 10).toLong())
          fired++
        }
      }
    }
    return fired
  }

  /** Heap bytes per coroutine parked in an hour's `delay`, measured inside runBlocking. */
  @JvmStatic
  fun delayingBytes(n: Int, usedAfterGc: LongSupplier): Double = runBlocking {
    val before = usedAfterGc.asLong
    for (i in 0 until n) {
      launch { delay(3_600_000L) }
    }
    yield() // the launched coroutines run first: all are in delay after this
    val perCoroutine = (usedAfterGc.asLong - before) / n.toDouble()
    coroutineContext.cancelChildren()
    perCoroutine
  }

  /** `frames` coroutines each `yield()` `yields` times on a pool of `threads` threads. */
  @JvmStatic
  fun yielders(threads: Int, frames: Int, yields: Int): Int {
    val pool = Executors.newFixedThreadPool(threads)
    try {
      pool.asCoroutineDispatcher().use { dispatcher ->
        runBlocking(dispatcher) {
          for (f in 0 until frames) {
            launch {
              for (i in 0 until yields) yield()
            }
          }
        }
      }
    } finally {
      pool.shutdown()
    }
    return frames
  }
}
