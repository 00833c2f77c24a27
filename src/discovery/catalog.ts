// The agents Agent X-Ray knows by name: VS Code extensions, command-line
// agents and the npm packages they ship as. Anything else is found by
// heuristics (an extension that contributes chat participants, language model
// tools or MCP servers; a package that depends on an LLM SDK).

export interface KnownExtension { id: string; vendor: string; name: string }
/** A folder a launcher downloads its program into on first run: under the home folder or the temporary folder. */
export interface Download { under: 'home' | 'tmp'; parts: string[] }
export interface KnownCli { command: string; vendor: string; name: string; packages: string[]; downloads?: Download[] }

export const KNOWN_EXTENSIONS: KnownExtension[] = [
  { id: 'anthropic.claude-code', vendor: 'Anthropic', name: 'Claude Code' },
  { id: 'GitHub.copilot', vendor: 'GitHub', name: 'GitHub Copilot' },
  { id: 'GitHub.copilot-chat', vendor: 'GitHub', name: 'GitHub Copilot Chat' },
  { id: 'saoudrizwan.claude-dev', vendor: 'Cline', name: 'Cline' },
  { id: 'RooVeterinaryInc.roo-cline', vendor: 'Roo Code', name: 'Roo Code' },
  { id: 'kilocode.Kilo-Code', vendor: 'Kilo Code', name: 'Kilo Code' },
  { id: 'Continue.continue', vendor: 'Continue', name: 'Continue' },
  { id: 'openai.chatgpt', vendor: 'OpenAI', name: 'Codex (ChatGPT)' },
  { id: 'Google.geminicodeassist', vendor: 'Google', name: 'Gemini Code Assist' },
  { id: 'google.gemini-cli-vscode-ide-companion', vendor: 'Google', name: 'Gemini CLI Companion' },
  { id: 'qwenlm.qwen-code-vscode-ide-companion', vendor: 'Alibaba (Qwen)', name: 'Qwen Code Companion' },
  { id: 'AmazonWebServices.amazon-q-vscode', vendor: 'Amazon', name: 'Amazon Q' },
  { id: 'Alibaba-Cloud.tongyi-lingma', vendor: 'Alibaba Cloud', name: 'Tongyi Lingma' },
  { id: 'BaiduComate.comate', vendor: 'Baidu', name: 'Baidu Comate' },
  { id: 'MarsCode.marscode-extension', vendor: 'ByteDance', name: 'MarsCode' },
  { id: 'Codeium.codeium', vendor: 'Codeium', name: 'Windsurf Plugin (Codeium)' },
  { id: 'TabNine.tabnine-vscode', vendor: 'Tabnine', name: 'Tabnine' },
  { id: 'sourcegraph.cody-ai', vendor: 'Sourcegraph', name: 'Cody' },
  { id: 'sourcegraph.amp', vendor: 'Sourcegraph', name: 'Amp' },
  { id: 'augment.vscode-augment', vendor: 'Augment', name: 'Augment' },
  { id: 'Codium.codium', vendor: 'Qodo', name: 'Qodo Gen' },
  { id: 'ZencoderAI.zencoder', vendor: 'Zencoder', name: 'Zencoder' },
  { id: 'Blackboxapp.blackbox', vendor: 'Blackbox', name: 'Blackbox AI' },
  { id: 'Tencent-Cloud.coding-copilot', vendor: 'Tencent Cloud', name: 'Tencent Cloud CodeBuddy' },
];

export const KNOWN_CLIS: KnownCli[] = [
  { command: 'claude', vendor: 'Anthropic', name: 'Claude Code', packages: ['@anthropic-ai/claude-code'] },
  { command: 'codex', vendor: 'OpenAI', name: 'Codex CLI', packages: ['@openai/codex'] },
  { command: 'gemini', vendor: 'Google', name: 'Gemini CLI', packages: ['@google/gemini-cli'] },
  { command: 'qwen', vendor: 'Alibaba (Qwen)', name: 'Qwen Code', packages: ['@qwen-code/qwen-code'] },
  { command: 'opencode', vendor: 'SST', name: 'opencode', packages: ['opencode-ai'] },
  { command: 'amp', vendor: 'Sourcegraph', name: 'Amp', packages: ['@sourcegraph/amp'] },
  { command: 'copilot', vendor: 'GitHub', name: 'GitHub Copilot CLI', packages: ['@github/copilot'] },
  { command: 'cursor-agent', vendor: 'Anysphere', name: 'Cursor Agent', packages: [] },
  { command: 'crush', vendor: 'Charm', name: 'Crush', packages: ['@charmland/crush'] },
  { command: 'kilo', vendor: 'Kilo Code', name: 'Kilo CLI', packages: ['@kilocode/cli'] },
  { command: 'droid', vendor: 'Factory', name: 'Droid', packages: ['droid'] },
  { command: 'auggie', vendor: 'Augment', name: 'Auggie', packages: ['@augmentcode/auggie'] },
  { command: 'cn', vendor: 'Continue', name: 'Continue CLI', packages: ['@continuedev/cli'] },
  { command: 'qodercli', vendor: 'Qoder', name: 'Qoder CLI', packages: ['@qoder-ai/qodercli'] },
  { command: 'iflow', vendor: 'iFlow', name: 'iFlow CLI', packages: ['@iflow-ai/iflow-cli'] },
  { command: 'codebuddy', vendor: 'Tencent', name: 'CodeBuddy Code', packages: ['@tencent-ai/codebuddy-code'] },
  { command: 'kimi', vendor: 'Moonshot AI', name: 'Kimi CLI', packages: [] },
  { command: 'cline', vendor: 'Cline', name: 'Cline CLI', packages: ['cline', '@cline/cli'] },
  { command: 'pi', vendor: 'Mario Zechner', name: 'pi', packages: ['@mariozechner/pi-coding-agent'] },
  { command: 'jules', vendor: 'Google', name: 'Jules CLI', packages: ['@google/jules'], downloads: [{ under: 'tmp', parts: ['jules_tmp'] }] },
  { command: 'codebuff', vendor: 'Codebuff', name: 'Codebuff', packages: ['codebuff'], downloads: [{ under: 'home', parts: ['.config', 'manicode'] }] },
  { command: 'goose', vendor: 'Block', name: 'Goose', packages: [] },
  { command: 'aider', vendor: 'Aider', name: 'Aider', packages: [] },
];

/** Dependencies that make an unknown package look like an agent. */
export const LLM_SDKS = new Set([
  '@anthropic-ai/sdk', '@anthropic-ai/claude-agent-sdk', '@anthropic-ai/claude-code', 'openai', '@openai/agents', '@google/genai',
  '@google/generative-ai', '@ai-sdk/anthropic', '@ai-sdk/openai', '@ai-sdk/google', 'ai', '@mistralai/mistralai', 'groq-sdk',
  '@modelcontextprotocol/sdk', 'ollama', 'cohere-ai', '@langchain/core', 'langchain',
]);

/** Extension contributions that mark an agent: chat participants, model tools, MCP servers. */
export const AGENT_CONTRIBUTIONS = ['chatParticipants', 'languageModelTools', 'mcpServerDefinitionProviders', 'languageModelChatProviders'];

const byExtensionId = new Map(KNOWN_EXTENSIONS.map((e) => [e.id.toLowerCase(), e]));
const byPackage = new Map(KNOWN_CLIS.flatMap((c) => c.packages.map((p) => [p, c] as const)));
const byCommand = new Map(KNOWN_CLIS.map((c) => [c.command, c]));

/** Extension ids are case-insensitive (VS Code lowercases them in folder names). */
export function knownExtension(id: string): KnownExtension | undefined {
  return byExtensionId.get(id.toLowerCase());
}

export function knownPackage(name: string): KnownCli | undefined {
  return byPackage.get(name);
}

export function knownCommand(command: string): KnownCli | undefined {
  return byCommand.get(command.toLowerCase().replace(/\.(?:cmd|ps1|exe|bat)$/, ''));
}
