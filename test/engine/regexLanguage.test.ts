// The strings a small regex matches, spelled out so a regex of hosts or zones
// counts as the list it is; anything with repetition or open classes is not.
import * as assert from 'assert';
import { regexLanguage } from '../../src/engine/comparisons';

describe('engine: regexLanguage', () => {
  const cases: Array<[RegExp, string[] | undefined]> = [
    [/(?:deepseek|zhipu)\.(?:com|cn)$/, ['deepseek.com', 'deepseek.cn', 'zhipu.com', 'zhipu.cn']],
    [/(?:^|\.)corp\.example$/, ['corp.example', '.corp.example']],
    [/^Asia\/(Shanghai|Urumqi)$/, ['Asia/Shanghai', 'Asia/Urumqi']],
    [/^zh[-_]?cn/i, ['zh-cn', 'zh_cn', 'zhcn']],
    [/colou?r\b/, ['colour', 'color']],
    [/\d+/, undefined],
    [/^(a|b)+$/, undefined],
    [/[a-z]{2}/, undefined],
    [/[^x]/, undefined],
    [/a.b/, undefined],
    [/(?=x)y/, undefined],
  ];
  for (const [re, want] of cases) {
    it(`${re.source} → ${want ? want.join(', ') : 'not spelled out'}`, () => assert.deepStrictEqual(regexLanguage(re.source), want));
  }
  it('gives up beyond 256 strings', () => {
    const big = Array.from({ length: 5 }, () => '(?:a|b|c|d)').join('');
    assert.strictEqual(regexLanguage(big), undefined);
  });
});
