/**
 * The Discord side of a voice call, for tests, with the real @discordjs/voice objects: the VoiceConnection
 * comes from joinVoiceChannel through a two-way gateway adapter this file implements (it records the
 * gateway payloads the library sends: op 4 join and leave). A joined connection is put in the Ready state
 * with a stand-in for the library's Networking (no voice WebSocket or UDP socket can reach Discord from
 * here): its WebSocket emits Speaking (op 5) packets and its UDP socket emits RTP packets encrypted with
 * aead_aes256_gcm_rtpsize exactly as Discord sends them, so the real VoiceReceiver maps SSRCs, decrypts
 * and feeds the real AudioReceiveStream. What the AudioPlayer sends is kept as the Opus packets that
 * would be encrypted and sent to Discord.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  getVoiceConnection,
  VoiceConnectionStatus,
  type DiscordGatewayAdapterCreator,
  type DiscordGatewayAdapterLibraryMethods,
  type VoiceConnection,
  type VoiceConnectionState,
} from '@discordjs/voice';

export interface GatewayPayload {
  op: number;
  d: { guild_id: string; channel_id: string | null; self_mute: boolean; self_deaf: boolean };
}

/** Stands in for @discordjs/voice's Networking in its Ready state (code 4). */
class ReadyNetworking extends EventEmitter {
  readonly ws = new EventEmitter();
  readonly udp = new EventEmitter();
  readonly secretKey = randomBytes(32);
  readonly state;
  private nonce = 0;
  private readonly sequences = new Map<number, number>();

  constructor(private readonly sent: Buffer[]) {
    super();
    this.state = {
      code: 4,
      ws: this.ws,
      udp: this.udp,
      connectionData: {
        encryptionMode: 'aead_aes256_gcm_rtpsize',
        nonceBuffer: Buffer.alloc(12),
        secretKey: this.secretKey,
        ssrc: 1,
        nonce: 0,
        sequence: 0,
        timestamp: 0,
        speaking: false,
        packetsPlayed: 0,
      },
    };
  }

  prepareAudioPacket(packet: Buffer): void {
    this.sent.push(Buffer.from(packet));
  }
  dispatchAudio(): void {}
  setSpeaking(): void {}
  destroy(): void {}

  /** A Speaking packet on the voice WebSocket: Discord says which SSRC is this user's. */
  announce(userId: string, ssrc: number): void {
    this.ws.emit('packet', { op: 5, d: { user_id: userId, ssrc, speaking: 1 } });
  }

  /** A user speaks: their Speaking packet, then their Opus packets in real time (5 every 100 ms). */
  async talk(userId: string, ssrc: number, packets: Buffer[]): Promise<void> {
    this.announce(userId, ssrc);
    for (const [index, packet] of packets.entries()) {
      this.receive(ssrc, packet);
      if (index % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** One Opus packet from a user as an encrypted RTP datagram on the UDP socket. */
  receive(ssrc: number, opus: Buffer): void {
    const sequence = (this.sequences.get(ssrc) ?? 0) + 1;
    this.sequences.set(ssrc, sequence);
    const header = Buffer.alloc(12);
    header[0] = 0x80;
    header[1] = 0x78;
    header.writeUInt16BE(sequence & 0xffff, 2);
    header.writeUInt32BE((sequence * 960) >>> 0, 4);
    header.writeUInt32BE(ssrc, 8);
    this.nonce += 1;
    const nonce = Buffer.alloc(12);
    nonce.writeUInt32BE(this.nonce, 0);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey, nonce);
    cipher.setAAD(header);
    const encrypted = Buffer.concat([cipher.update(opus), cipher.final(), cipher.getAuthTag()]);
    this.udp.emit('message', Buffer.concat([header, encrypted, nonce.subarray(0, 4)]));
  }
}

export interface TestVoiceGateway {
  adapterFor(guildId: string): DiscordGatewayAdapterCreator;
  /** Whether a join is answered (the connection becomes Ready) or left hanging. */
  accepting: boolean;
  readonly payloads: GatewayPayload[];
  /** Opus packets the AudioPlayer handed to the connection to send. */
  readonly sent: Buffer[];
  connection(guildId: string): VoiceConnection;
  networking(guildId: string): ReadyNetworking;
  /** The voice WebSocket closed with this code (4014: disconnected), as the library reports it. */
  drop(guildId: string, closeCode: number): void;
  /** Moves a connection to another state, as the library would (Connecting, Ready after a drop). */
  setStatus(guildId: string, status: VoiceConnectionStatus.Connecting | VoiceConnectionStatus.Ready): void;
}

export function createTestVoiceGateway(): TestVoiceGateway {
  const payloads: GatewayPayload[] = [];
  const sent: Buffer[] = [];
  const networkings = new Map<string, ReadyNetworking>();
  const gateway: TestVoiceGateway = {
    accepting: true,
    payloads,
    sent,
    adapterFor(guildId) {
      return (methods: DiscordGatewayAdapterLibraryMethods) => ({
        sendPayload(payload) {
          const join = payload as GatewayPayload;
          payloads.push(join);
          if (join.op === 4 && join.d.channel_id && gateway.accepting) setImmediate(() => makeReady(guildId));
          return true;
        },
        destroy() {
          void methods;
        },
      });
    },
    connection(guildId) {
      const connection = getVoiceConnection(guildId);
      if (!connection) throw new Error(`no voice connection for guild ${guildId}`);
      return connection;
    },
    networking(guildId) {
      const networking = networkings.get(guildId);
      if (!networking) throw new Error(`guild ${guildId} never became ready`);
      return networking;
    },
    drop(guildId, closeCode) {
      const connection = gateway.connection(guildId);
      setState(connection, { ...connection.state, status: VoiceConnectionStatus.Disconnected, reason: 0, closeCode });
    },
    setStatus(guildId, status) {
      if (status === VoiceConnectionStatus.Ready) return makeReady(guildId);
      const connection = gateway.connection(guildId);
      setState(connection, { ...connection.state, status });
    },
  };

  function makeReady(guildId: string): void {
    const connection = getVoiceConnection(guildId);
    if (!connection || connection.state.status === VoiceConnectionStatus.Destroyed) return;
    const networking = new ReadyNetworking(sent);
    networkings.set(guildId, networking);
    setState(connection, { ...connection.state, status: VoiceConnectionStatus.Ready, networking });
  }
  return gateway;
}

function setState(connection: VoiceConnection, state: Record<string, unknown>): void {
  connection.state = state as unknown as VoiceConnectionState;
}
