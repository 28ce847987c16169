// A small page and palette shared by the model tests.
export const M = '../../main/resources/webroot/builder/model/';

export function page() {
  return {
    id: 'pg_1', version: 3, slug: 'd11', title: 'Double 11',
    components: [
      { id: 'hero', type: 'hero-banner', version: 2, props: { title: 'Sale' }, children: [] },
      { id: 'deals', type: 'section', version: 1, props: { title: 'Deals' }, children: [
        { id: 'grid', type: 'product-grid', version: 1, props: { columns: 2 }, children: [
          { id: 'p1', type: 'product-card', version: 1, props: { title: 'Phone' }, children: [] },
        ] },
        { id: 'note', type: 'rich-text', version: 2, props: { text: 'Hello' }, children: [] },
      ] },
      { id: 'gap', type: 'spacer', version: 1, props: { height: 8 }, children: [] },
    ],
  };
}

export const palette = {
  common: { $defs: { link: { type: 'object', properties: { kind: { enum: ['url', 'venue'] }, target: { type: 'string' } } } } },
  components: [
    { type: 'hero-banner', title: 'Hero banner', category: 'media', version: 2, defaults: { animated: true }, slots: { allowed: [], max: 0 },
      props: { properties: { title: { type: 'string', maxLength: 40 }, link: { $ref: 'common.json#/$defs/link', title: 'Tap goes to' } } } },
    { type: 'section', title: 'Section', category: 'layout', version: 1, slots: { allowed: ['product-grid', 'rich-text', 'spacer', 'section'], min: 1, max: 3 }, props: { properties: {} } },
    { type: 'product-grid', title: 'Product grid', category: 'commerce', version: 1, slots: { allowed: ['product-card'], max: 40 }, props: { properties: {} } },
    { type: 'product-card', title: 'Product card', category: 'commerce', version: 1, slots: { allowed: [], max: 0 }, props: { properties: {} } },
    { type: 'rich-text', title: 'Text', category: 'content', version: 2, slots: { allowed: [], max: 0 },
      props: { properties: { text: { type: 'string', maxLength: 2000 } } } },
    { type: 'spacer', title: 'Spacer', category: 'layout', version: 1, slots: { allowed: [], max: 0 }, props: { properties: {} } },
  ],
};
