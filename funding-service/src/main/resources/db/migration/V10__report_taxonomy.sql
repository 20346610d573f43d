-- Issue 14: the report's own structure as data. Segments were free strings; from here a company's segments are codes
-- of this table (GET /api/taxonomy), checked on every write by io.aigcwatch.funding.taxonomy.Taxonomy. Codes are
-- stable: a label may be reworded, a code never changes meaning. source_line is the line of the report's repost
-- (shared/seed/000_5979c292eba3c044.txt) that names the entry; null where that copy does not (see note).
create table taxonomy_layer (
    code        text    primary key,
    position    int     not null unique,
    label_zh    text    not null,
    label_en    text    not null,
    source_line int
);

create table taxonomy_segment (
    code        text    primary key,
    layer       text    not null references taxonomy_layer (code),
    parent      text    references taxonomy_segment (code),
    position    int     not null unique,
    label_zh    text    not null,
    label_en    text    not null,
    source_line int,
    note        text
);

insert into taxonomy_layer (code, position, label_zh, label_en, source_line) values
    ('INFRASTRUCTURE', 1, '基础设施层', 'Infrastructure', 99),
    ('MODEL',          2, '模型层',     'Models',         117),
    ('APPLICATION',    3, '应用层',     'Applications',   133);

insert into taxonomy_segment (code, layer, parent, position, label_zh, label_en, source_line, note) values
    -- infrastructure: "数据、算力、计算平台、模型开发训练平台以及其他配套设施" (line 101)
    ('DATA',                'INFRASTRUCTURE', null,      10, '数据',             'Data',                        101, null),
    ('DATA_PROVIDER',       'INFRASTRUCTURE', 'DATA',    11, '数据提供方',        'Data providers',              107, 'general, vertical, task-specific labelled and review data, creator ecosystems'),
    ('DATA_SERVICES',       'INFRASTRUCTURE', 'DATA',    12, '数据服务方',        'Data services',               107, 'splitting and labelling data'),
    ('COMPUTE',             'INFRASTRUCTURE', null,      20, '算力',             'Compute',                     101, null),
    ('COMPUTE_CLUSTER',     'INFRASTRUCTURE', 'COMPUTE', 21, '算力集群商',        'Compute clusters',            111, 'intelligent computing centres (智算中心)'),
    ('DOMESTIC_CHIPS',      'INFRASTRUCTURE', 'COMPUTE', 22, '国产芯片商',        'Domestic chip makers',        111, null),
    ('CLOUD',               'INFRASTRUCTURE', 'COMPUTE', 23, '云服务商',          'Cloud providers',             111, null),
    ('COMPUTING_PLATFORM',  'INFRASTRUCTURE', null,      30, '计算平台',          'Computing platforms',         101, null),
    ('TRAINING_PLATFORM',   'INFRASTRUCTURE', null,      40, '模型开发训练平台',   'Model development and training platforms', 101, null),
    ('SUPPORTING_SERVICES', 'INFRASTRUCTURE', null,      50, '其他配套设施',       'Supporting services',         101, null),
    ('CONTENT_REVIEW',      'INFRASTRUCTURE', 'SUPPORTING_SERVICES', 51, '检测审核',   'Detection and review',        113, null),
    ('TRADING',             'INFRASTRUCTURE', 'SUPPORTING_SERVICES', 52, '交易撮合方', 'Trading and matchmaking',     113, null),
    ('RIGHTS_AND_PRICING',  'INFRASTRUCTURE', 'SUPPORTING_SERVICES', 53, '第三方确权及计价方', 'Third-party rights confirmation and pricing', 113, null),
    ('CREATION_TOOLS',      'INFRASTRUCTURE', 'SUPPORTING_SERVICES', 54, '创作配合工具',  'Creation tools',           113, 'such as rendering engines'),
    -- models: "底层通用大模型和中间层模型" (line 119), base models by how open they are (lines 121-123)
    ('BASE_MODEL',          'MODEL', null,          60, '底层通用大模型',  'Base models',                 119, null),
    ('CLOSED_MODEL',        'MODEL', 'BASE_MODEL',  61, '完全自有、不对外开放', 'Closed (in-house, not open)', 123, null),
    ('OPEN_SOURCE_MODEL',   'MODEL', 'BASE_MODEL',  62, '开源',           'Open source',                 123, 'such as CLIP and Stable Diffusion'),
    ('OPEN_API_MODEL',      'MODEL', 'BASE_MODEL',  63, 'API对外开放',     'Open through an API',         123, null),
    ('MODEL_HUB',           'MODEL', 'BASE_MODEL',  64, '模型站',         'Model hubs',                  123, 'such as Hugging Face and ModelScope (魔搭)'),
    ('MIDDLE_LAYER',        'MODEL', null,          70, '中间层模型',      'Middle layer',                119, 'vertical, industry-specific and specialised models (line 125)'),
    ('MODEL_INTEGRATOR',    'MODEL', 'MIDDLE_LAYER', 71, '中间集成商',     'Integrators',                 127, 'combine several interfaces into a new large model'),
    ('INDUSTRY_MODEL',      'MODEL', 'MIDDLE_LAYER', 72, '行业大模型商',   'Industry model makers',       127, 'end to end, by the base model''s owner'),
    ('SECONDARY_DEVELOPER', 'MODEL', 'MIDDLE_LAYER', 73, '二次开发商',     'Secondary developers',        127, 'add industry data and know-how'),
    -- applications by content type: the narrow sense (line 19) and the broad sense (line 21)
    ('TEXT',                'APPLICATION', null,    80, '文本',           'Text',                        19, null),
    ('IMAGE',               'APPLICATION', null,    81, '图像',           'Image',                       19, null),
    ('AUDIO',               'APPLICATION', null,    82, '音频',           'Audio',                       19, null),
    ('VIDEO',               'APPLICATION', null,    83, '视频',           'Video',                       19, null),
    ('CODE',                'APPLICATION', null,    84, '代码生成',        'Code',                        21, 'such as GitHub Copilot'),
    ('STRATEGY',            'APPLICATION', null,    85, '策略生成',        'Strategy and game AI',        21, 'game strategy generation in Game AI'),
    ('THREE_D',             'APPLICATION', null,    86, '3D',            '3D',                          null, 'named by issue 14 from the full report; the repost in shared/seed (cut at line 152) does not name it'),
    ('VIRTUAL_HUMAN',       'APPLICATION', null,    87, '虚拟人',          'Virtual humans',              null, 'named by issue 14 from the full report; the repost in shared/seed (cut at line 152) does not name it'),
    ('PROTEIN_STRUCTURE',   'APPLICATION', null,    88, '蛋白质结构生成',   'Protein structure',           21, 'beyond content: the broad sense of AIGC'),
    -- applications by how they use the models (lines 137 and 145)
    ('DIRECT_CONTENT',      'APPLICATION', null,    90, '生产可直接消费内容', 'Directly consumable content', 137, null),
    ('VALUE_ADDED_CONTENT', 'APPLICATION', null,    91, '结合底层系统，生产含有附加价值的内容', 'Value-added content with underlying systems', 145, 'hyper-personalised, real-time, industry-specific (line 147)');

-- Segments stored before this migration were free text. Those that name an entry (its code, English or Chinese
-- label, or a common spelling below) become its code; any other value is kept as it was, readable but not a code,
-- so no stored fact is lost: a write that names it is refused, and a profile edit can replace it.
create temporary table segment_spelling (spelling text primary key, code text not null) on commit drop;
insert into segment_spelling (spelling, code)
    select upper(code), code from taxonomy_segment
    union select upper(label_en), code from taxonomy_segment
    union select label_zh, code from taxonomy_segment;
insert into segment_spelling (spelling, code) values
    ('3D', 'THREE_D'), ('GAME', 'STRATEGY'), ('GAME_AI', 'STRATEGY'), ('GAME AI', 'STRATEGY'),
    ('VIRTUAL_HUMANS', 'VIRTUAL_HUMAN'), ('DIGITAL_HUMAN', 'VIRTUAL_HUMAN'), ('PROTEIN', 'PROTEIN_STRUCTURE'),
    ('SPEECH', 'AUDIO'), ('VOICE', 'AUDIO'), ('MUSIC', 'AUDIO'), ('CODE_GENERATION', 'CODE'), ('CHIPS', 'DOMESTIC_CHIPS')
    on conflict do nothing;

update company c set segments = mapped.segments
from (
    select c2.id, jsonb_agg(distinct coalesce(s.code, e.value)) as segments
    from company c2
    cross join lateral jsonb_array_elements_text(c2.segments) e(value)
    left join segment_spelling s on s.spelling = upper(e.value) or s.spelling = e.value
    where jsonb_array_length(c2.segments) > 0
    group by c2.id
) mapped
where c.id = mapped.id and c.segments <> mapped.segments;
