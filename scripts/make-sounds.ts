/**
 * `npm run sounds`: makes every sound of the game from code — no recordings, no downloaded packs.
 *
 * It synthesizes the effects (one sprite) and the music loop as 48 kHz mono samples, writes them as WAV
 * to a temporary folder, and encodes each twice with ffmpeg: Opus in WebM (small; Chrome, Edge, Firefox)
 * and MP3 (every browser, Safari included). The results and their sprite maps go to assets/sounds/,
 * which is committed: playing, building and testing the game never need this script or ffmpeg.
 *
 * Regenerating needs ffmpeg with libopus and libmp3lame (Debian/Ubuntu: `sudo apt-get install ffmpeg`;
 * macOS: `brew install ffmpeg`). Output is deterministic: the noise comes from a seeded generator.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';
import { createRng, nextFloat, type RngState } from '../src/core/rng.ts';

const OUT_DIR = join(import.meta.dirname, '..', 'assets', 'sounds');
const SAMPLE_RATE = 48_000;
/** Silence between sprites, so a late start or an encoder's padding never reaches the next sound. */
const SPRITE_GAP_SEC = 0.12;
/** Each sprite plays this much past its last sound: MP3 decoders may shift audio by ~25 ms. */
const SPRITE_TAIL_SEC = 0.06;
const BITRATE = { effects: { webm: '32k', mp3: '48k' }, music: { webm: '24k', mp3: '32k' } };
/** The budget for all sound files together. */
const BUDGET_BYTES = 150_000;

type Wave = 'sine' | 'triangle' | 'soft-square';

interface Tone {
  /** Start, seconds from the start of the sound. */
  at: number;
  freq: number;
  /** Length of the note before it is cut (with a short fade). */
  dur: number;
  gain: number;
  wave?: Wave;
  attack?: number;
  /** Time constant of the exponential decay, seconds (Infinity: held). */
  decay?: number;
  /** Frequency at the end of the note, for a glide. */
  glideTo?: number;
  /** Extra partials as [ratio, relative gain, decay factor]: bells and marimbas. */
  partials?: [number, number, number][];
  /** A second voice this many Hz away, for a gentle chorus. */
  detune?: number;
}

function waveAt(wave: Wave, phase: number): number {
  const x = phase - Math.floor(phase);
  if (wave === 'triangle') return 1 - 4 * Math.abs(x - 0.5);
  if (wave === 'soft-square') return Math.tanh(3 * Math.sin(2 * Math.PI * x)) / Math.tanh(3);
  return Math.sin(2 * Math.PI * x);
}

function addTone(buffer: Float32Array, tone: Tone): void {
  const start = Math.round(tone.at * SAMPLE_RATE);
  const length = Math.round(tone.dur * SAMPLE_RATE);
  const attack = tone.attack ?? 0.004;
  const decay = tone.decay ?? Number.POSITIVE_INFINITY;
  const fade = Math.min(0.012, tone.dur / 4);
  const voices = tone.detune ? [-tone.detune / 2, tone.detune / 2] : [0];
  const partials: [number, number, number][] = [[1, 1, 1], ...(tone.partials ?? [])];
  const phases = voices.map(() => partials.map(() => 0));
  for (let i = 0; i < length && start + i < buffer.length; i += 1) {
    const t = i / SAMPLE_RATE;
    const glide = tone.glideTo ? (tone.glideTo / tone.freq) ** (t / tone.dur) : 1;
    const envelope = Math.min(1, t / attack) * Math.min(1, (tone.dur - t) / fade);
    let sample = 0;
    voices.forEach((offset, v) => {
      partials.forEach(([ratio, gain, decayFactor], p) => {
        phases[v]![p]! += ((tone.freq * glide + offset) * ratio) / SAMPLE_RATE;
        const partialDecay = Math.exp(-t / (decay * decayFactor));
        sample += gain * partialDecay * waveAt(p === 0 ? (tone.wave ?? 'sine') : 'sine', phases[v]![p]!);
      });
    });
    buffer[start + i]! += (tone.gain * envelope * sample) / voices.length;
  }
}

/** A burst of noise through a one-pole low-pass: the "wood" in a tick, the breath in a tap. */
function addNoise(buffer: Float32Array, at: number, dur: number, gain: number, decay: number, rng: RngState): RngState {
  const start = Math.round(at * SAMPLE_RATE);
  let state = rng;
  let smoothed = 0;
  for (let i = 0; i < Math.round(dur * SAMPLE_RATE); i += 1) {
    const [value, next] = nextFloat(state);
    state = next;
    smoothed += 0.35 * (value * 2 - 1 - smoothed);
    buffer[start + i]! += gain * Math.exp(-i / SAMPLE_RATE / decay) * smoothed;
  }
  return state;
}

const NOTE = {
  C4: 261.63,
  E4: 329.63,
  G4: 392.0,
  C5: 523.25,
  D5: 587.33,
  E5: 659.25,
  G5: 783.99,
  A5: 880.0,
  C6: 1046.5,
  D6: 1174.66,
  E6: 1318.51,
  G6: 1567.98,
  A6: 1760.0,
} as const;

const BELL: [number, number, number][] = [
  [2.0, 0.35, 0.6],
  [3.01, 0.18, 0.35],
];
const MARIMBA: [number, number, number][] = [[3.98, 0.25, 0.2]];

/** Each effect: its sprite name, its length in seconds, and how to draw it. */
const EFFECTS: { name: string; seconds: number; draw: (buffer: Float32Array, rng: RngState) => void }[] = [
  {
    // Pointer over a button: barely there.
    name: 'soft-blip',
    seconds: 0.05,
    draw: (b) => addTone(b, { at: 0, freq: NOTE.E6, dur: 0.05, gain: 0.1, decay: 0.015 }),
  },
  {
    // A button pressed: a short, low tap.
    name: 'tap',
    seconds: 0.09,
    draw: (b, rng) => {
      addTone(b, { at: 0, freq: 520, glideTo: 380, dur: 0.09, gain: 0.32, decay: 0.03 });
      addNoise(b, 0, 0.02, 0.08, 0.006, rng);
    },
  },
  {
    // An answer chosen: two quick rising marimba notes, neither happy nor sad.
    name: 'pick',
    seconds: 0.2,
    draw: (b) => {
      addTone(b, { at: 0, freq: NOTE.G4, dur: 0.12, gain: 0.32, decay: 0.06, partials: MARIMBA });
      addTone(b, { at: 0.07, freq: NOTE.C5, dur: 0.13, gain: 0.32, decay: 0.07, partials: MARIMBA });
    },
  },
  {
    // Right: a bright major arpeggio that rings out on a bell.
    name: 'chime-rise',
    seconds: 0.75,
    draw: (b) => {
      [NOTE.C5, NOTE.E5, NOTE.G5].forEach((freq, i) =>
        addTone(b, { at: i * 0.07, freq, dur: 0.3, gain: 0.22, decay: 0.12, partials: BELL }),
      );
      addTone(b, { at: 0.21, freq: NOTE.C6, dur: 0.54, gain: 0.3, decay: 0.22, partials: BELL });
    },
  },
  {
    // Wrong: two low, muffled notes falling a semitone — clearly not the chime, and not harsh.
    name: 'thud-fall',
    seconds: 0.5,
    draw: (b) => {
      addTone(b, { at: 0, freq: 233.08, dur: 0.2, gain: 0.34, wave: 'soft-square', decay: 0.09, attack: 0.01 });
      addTone(b, {
        at: 0.18,
        freq: 220.0,
        glideTo: 207.65,
        dur: 0.32,
        gain: 0.36,
        wave: 'soft-square',
        decay: 0.14,
        attack: 0.01,
      });
    },
  },
  {
    // Each of the last seconds: a dry wood-block tick.
    name: 'wood-tick',
    seconds: 0.06,
    draw: (b, rng) => {
      addTone(b, { at: 0, freq: 1650, dur: 0.06, gain: 0.36, decay: 0.012, partials: [[2.7, 0.3, 0.6]] });
      addNoise(b, 0, 0.03, 0.18, 0.005, rng);
    },
  },
  {
    // Time's up: a low bell with a slow beat, falling away.
    name: 'bell-fall',
    seconds: 0.9,
    draw: (b) => {
      addTone(b, { at: 0, freq: NOTE.G4, dur: 0.25, gain: 0.26, decay: 0.1, partials: BELL });
      addTone(b, { at: 0.16, freq: NOTE.C4, dur: 0.74, gain: 0.34, decay: 0.3, partials: BELL, detune: 3 });
    },
  },
  {
    // Another right answer in a row: a quick sparkle climbing a pentatonic scale.
    name: 'sparkle',
    seconds: 0.45,
    draw: (b) => {
      [NOTE.C6, NOTE.D6, NOTE.E6, NOTE.G6, NOTE.A6].forEach((freq, i) =>
        addTone(b, { at: i * 0.045, freq, dur: 0.25, gain: 0.13, decay: 0.07, partials: BELL }),
      );
    },
  },
  {
    // The round is over: a short fanfare that settles on a chord.
    name: 'fanfare',
    seconds: 1.3,
    draw: (b) => {
      [NOTE.C5, NOTE.E5, NOTE.G5].forEach((freq, i) =>
        addTone(b, { at: i * 0.12, freq, dur: 0.22, gain: 0.22, decay: 0.12, partials: MARIMBA }),
      );
      for (const freq of [NOTE.C5, NOTE.E5, NOTE.G5, NOTE.C6]) {
        addTone(b, { at: 0.38, freq, dur: 0.92, gain: 0.13, decay: 0.35, partials: BELL });
      }
    },
  },
];

/** The music: four calm chords, two seconds each, a soft pad under a sparse music-box line. */
const MUSIC_PERIOD_SEC = 8;
/** Extra audio after one period: the loop may start anywhere in it and still join seamlessly. */
const MUSIC_SPARE_SEC = 0.4;
const CHORDS: { bass: number; pad: number[]; arp: number[] }[] = [
  { bass: 130.81, pad: [329.63, 392.0, 493.88], arp: [NOTE.C5, NOTE.E5, NOTE.G5, 987.77] },
  { bass: 110.0, pad: [261.63, 329.63, 392.0], arp: [NOTE.A5 / 2, NOTE.C5, NOTE.E5, NOTE.G5] },
  { bass: 87.31, pad: [220.0, 261.63, 329.63], arp: [349.23, NOTE.A5 / 2, NOTE.C5, NOTE.E5] },
  { bass: 98.0, pad: [246.94, 293.66, 329.63], arp: [NOTE.G4, 493.88, NOTE.D5, NOTE.E5] },
];
/** Which chord note each eighth plays (null: a rest). */
const ARP_PATTERN = [0, null, 2, 1, null, 3, 2, null] as const;

function renderMusic(): Float32Array {
  const chordSec = MUSIC_PERIOD_SEC / CHORDS.length;
  const eighth = chordSec / ARP_PATTERN.length;
  // Three periods: from the second on, every note that rings over the loop point is already there.
  const timeline = new Float32Array(Math.ceil(3 * MUSIC_PERIOD_SEC * SAMPLE_RATE));
  for (let period = 0; period < 3; period += 1) {
    CHORDS.forEach((chord, c) => {
      const at = period * MUSIC_PERIOD_SEC + c * chordSec;
      addTone(timeline, { at, freq: chord.bass, dur: chordSec + 0.6, gain: 0.16, attack: 0.08, decay: 1.4 });
      for (const freq of chord.pad) {
        addTone(timeline, { at, freq, dur: chordSec + 0.5, gain: 0.045, attack: 0.45, decay: 2.5, detune: 0.8 });
      }
      ARP_PATTERN.forEach((index, step) => {
        if (index === null) return;
        const freq = chord.arp[index]!;
        addTone(timeline, { at: at + step * eighth, freq, dur: 1.2, gain: 0.07, decay: 0.35, partials: BELL });
      });
    });
  }
  const from = Math.round(MUSIC_PERIOD_SEC * SAMPLE_RATE);
  return timeline.slice(from, from + Math.round((MUSIC_PERIOD_SEC + MUSIC_SPARE_SEC) * SAMPLE_RATE));
}

function peak(samples: Float32Array): number {
  let max = 0;
  for (const sample of samples) max = Math.max(max, Math.abs(sample));
  return max;
}

function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function encode(wavPath: string, name: string, bitrate: { webm: string; mp3: string }): string[] {
  // Bit-exact flags and no metadata: the same samples always give the same files.
  const common = ['-y', '-loglevel', 'error', '-i', wavPath, '-ac', '1', '-map_metadata', '-1', '-fflags', '+bitexact'];
  const webm = join(OUT_DIR, `${name}.webm`);
  const mp3 = join(OUT_DIR, `${name}.mp3`);
  execFileSync('ffmpeg', [
    ...common,
    '-c:a',
    'libopus',
    '-b:a',
    bitrate.webm,
    '-vbr',
    'constrained',
    '-flags:a',
    '+bitexact',
    webm,
  ]);
  execFileSync('ffmpeg', [...common, '-c:a', 'libmp3lame', '-b:a', bitrate.mp3, '-id3v2_version', '0', mp3]);
  return [webm, mp3];
}

async function writeJson(path: string, value: unknown): Promise<void> {
  writeFileSync(path, await format(JSON.stringify(value), { parser: 'json' }));
}

function requireFfmpeg(): void {
  try {
    execFileSync('ffmpeg', ['-hide_banner', '-encoders'], { stdio: 'pipe' });
  } catch {
    console.error(
      'Making the sounds needs ffmpeg with libopus and libmp3lame.\n' +
        '  Debian/Ubuntu: sudo apt-get install ffmpeg\n  macOS: brew install ffmpeg',
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  requireFfmpeg();
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'source-check-sounds-'));
  try {
    // Effects: one buffer, each sound at its own offset, with its place recorded for Howler's sprite map.
    const sprite: Record<string, [number, number]> = {};
    const parts: Float32Array[] = [];
    let rng = createRng('source-check-sounds');
    let cursorMs = 0;
    for (const effect of EFFECTS) {
      const buffer = new Float32Array(Math.round((effect.seconds + SPRITE_GAP_SEC) * SAMPLE_RATE));
      effect.draw(buffer, rng);
      rng = nextFloat(rng)[1];
      const length = Math.round((effect.seconds + SPRITE_TAIL_SEC) * 1000);
      sprite[effect.name] = [cursorMs, length];
      cursorMs += Math.round(buffer.length / (SAMPLE_RATE / 1000));
      parts.push(buffer);
    }
    const effects = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      effects.set(part, offset);
      offset += part.length;
    }
    if (peak(effects) > 0.98) throw new Error(`The effects clip (peak ${peak(effects).toFixed(2)})`);

    const music = renderMusic();
    // Calm and quiet: scaled to a fixed peak, well under the effects.
    const musicGain = 0.5 / peak(music);
    for (let i = 0; i < music.length; i += 1) music[i]! *= musicGain;

    const effectsWav = join(work, 'effects.wav');
    const musicWav = join(work, 'music.wav');
    writeFileSync(effectsWav, wav(effects));
    writeFileSync(musicWav, wav(music));
    const files = [...encode(effectsWav, 'effects', BITRATE.effects), ...encode(musicWav, 'music', BITRATE.music)];
    await writeJson(join(OUT_DIR, 'effects.json'), sprite);
    await writeJson(join(OUT_DIR, 'music.json'), { loop: [0, MUSIC_PERIOD_SEC * 1000, true] });

    let total = 0;
    for (const file of files) {
      const bytes = statSync(file).size;
      total += bytes;
      console.log(`${file.slice(OUT_DIR.length + 1).padEnd(14)} ${String(bytes).padStart(7)} bytes`);
    }
    console.log(`${'total'.padEnd(14)} ${String(total).padStart(7)} bytes (budget ${BUDGET_BYTES})`);
    if (total > BUDGET_BYTES) throw new Error('The sound files are over budget: lower a bitrate or shorten a sound.');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
