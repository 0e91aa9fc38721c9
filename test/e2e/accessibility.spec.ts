import { expect, test } from '@playwright/test';
import { AccessibilityAudit, type Finding, type Language, type Theme } from './pages/accessibility-audit';
import { AppFrame } from './pages/app-frame';
import { ComparePage } from './pages/compare-page';
import { EditPage } from './pages/edit-page';
import { FirstRunPage } from './pages/first-run-page';
import { GeneratePage, imageFile } from './pages/generate-page';
import { LibraryPage } from './pages/library-page';
import { SettingsPage } from './pages/settings-page';
import { UsagePage } from './pages/usage-page';
import { ViewerPage } from './pages/viewer-page';
import { openSession, warmSeed, type Session, type SessionOptions } from './support/session';

/** What a view needs to be shown: the pages over the running app. */
interface Screen {
  session: Session;
  frame: AppFrame;
  generate: GeneratePage;
  library: LibraryPage;
  settings: SettingsPage;
  edit: EditPage;
}

/** Every view of the app, as a row: how to start the app for it and how to bring it up. */
interface SweptView {
  name: string;
  session: SessionOptions;
  show: (screen: Screen) => Promise<void>;
  /** Rules that cannot apply to this state, each with the reason; every other rule runs. */
  skip?: { rule: string; why: string }[];
}

const withApi: SessionOptions = { api: { fake: undefined } };
const withoutKey: SessionOptions = { ...withApi, withKey: false };

/** An open Radix pop-up list, which axe reads as focusable content inside aria-hidden. */
const openList = {
  rule: 'aria-hidden-focus',
  why:
    'an open pop-up list traps the focus and hides the page behind it with aria-hidden, as a native menu ' +
    'does; the hidden controls cannot be reached until the list closes',
};
const seededImages = 1000;

/** A finished sequence with one failed image, and a job that failed outright. */
async function generateResults({ generate }: Screen): Promise<void> {
  await generate.open();
  await generate.sequenceOf(4);
  await generate.generate('four seasons of one oak tree [fake:partial-failure]');
  await expect(generate.jobStatus()).toHaveText(/Saved 3 images/);
  await generate.generate('something the provider refuses [fake:sensitive-prompt]');
  await expect(generate.jobAlert()).toBeVisible();
}

/** The Edit view with a picture to edit and a rectangle drawn on it. */
async function editWithMark({ edit }: Screen): Promise<void> {
  await edit.open();
  await edit.dropFiles([await imageFile('street.png', { width: 300, height: 200 })]);
  await expect(edit.version('Original')).toBeVisible();
  await edit.chooseTool('Rectangle');
  await edit.drag({ x: 0.2, y: 0.25 }, { x: 0.6, y: 0.75 });
  await expect(edit.rectangles()).toHaveCount(1);
}

const views: SweptView[] = [
  {
    name: 'welcome (no key yet)',
    session: {},
    show: async ({ session }) => {
      await new FirstRunPage(session.page).expectShown();
    },
  },
  {
    name: 'welcome, a key the gateway refused',
    session: withoutKey,
    show: async ({ session }) => {
      const welcome = new FirstRunPage(session.page);
      await welcome.verifyKey('sk-not-this-one-0000');
      await expect(welcome.problem).toBeVisible();
    },
  },
  {
    name: 'Generate without a key',
    session: withoutKey,
    show: async ({ session, frame }) => {
      await new FirstRunPage(session.page).notNow.click();
      await frame.expectView('Generate');
    },
  },
  {
    name: 'Generate, empty',
    session: withApi,
    show: async ({ generate }) => {
      await generate.open();
    },
  },
  {
    name: 'Generate, advanced options open',
    session: withApi,
    show: async ({ generate }) => {
      await generate.open();
      await generate.openAdvanced();
    },
  },
  {
    name: 'the model list open',
    session: withApi,
    show: async ({ generate }) => {
      await generate.open();
      await generate.model.click();
      await expect(generate.page.getByRole('listbox')).toBeVisible();
    },
    skip: [openList],
  },
  {
    name: 'Generate with references in the tray',
    session: withApi,
    show: async ({ generate }) => {
      await generate.open();
      await generate.pickFiles([
        await imageFile('sketch.png'),
        await imageFile('palette.jpg', { format: 'jpeg' }),
      ]);
      await expect(generate.references).toHaveCount(2);
    },
  },
  { name: 'Generate with results', session: withApi, show: generateResults },
  {
    name: 'the viewer, opened on a result',
    session: withApi,
    show: async (screen) => {
      await generateResults(screen);
      await screen.generate.tile(0).focus();
      await screen.frame.press('Enter');
      await expect(new ViewerPage(screen.session.page).dialog).toBeVisible();
    },
  },
  {
    name: 'two results compared before and after',
    session: withApi,
    show: async (screen) => {
      await generateResults(screen);
      await screen.generate.pickTile(0);
      await screen.generate.pickTile(1);
      await screen.generate.compareButton().click();
      const compare = new ComparePage(screen.session.page);
      await compare.layout('Before and after');
      await expect(compare.position).toBeVisible();
    },
  },
  {
    name: 'a result’s context menu open',
    session: withApi,
    show: async (screen) => {
      await generateResults(screen);
      await screen.generate.tile(0).click({ button: 'right' });
      await expect(screen.session.page.getByRole('menu')).toBeVisible();
    },
    skip: [openList],
  },
  { name: 'Edit, a mark drawn', session: withApi, show: editWithMark },
  {
    name: 'Edit in the Regions mode, a box drawn',
    session: withApi,
    show: async (screen) => {
      await editWithMark(screen);
      const { edit } = screen;
      await edit.chooseModel('Seedream 5.0 pro');
      await edit.chooseMode('Regions');
      await edit.drag({ x: 0.5, y: 0.1 }, { x: 0.9, y: 0.6 });
      await expect(edit.regionChips.getByText('Box 1')).toBeVisible();
    },
  },
  {
    name: 'Library',
    session: { seed: seededImages },
    show: async ({ library }) => {
      await library.open();
      await library.expectThumbnailsLoaded();
    },
  },
  {
    name: 'Library with the inspector',
    session: { seed: seededImages },
    show: async ({ library }) => {
      await library.open();
      await library.inspect(0);
    },
  },
  {
    name: 'a library image’s context menu open',
    session: { seed: seededImages },
    show: async ({ library }) => {
      await library.open();
      await library.contextMenu(0);
    },
    skip: [openList],
  },
  {
    name: 'Settings',
    session: withApi,
    show: async ({ frame }) => {
      await frame.go('Settings');
      await frame.expectView('Settings');
    },
  },
  {
    name: 'Settings, a connection tested',
    session: withApi,
    show: async ({ settings }) => {
      await settings.open();
      await settings.button('Test connection').click();
      await expect(settings.latestStatus(/the key works/)).toBeVisible();
    },
  },
  {
    name: 'Settings, the language list open',
    session: withApi,
    show: async ({ settings }) => {
      await settings.open();
      await settings.languageList();
    },
    skip: [openList],
  },
  {
    name: 'Usage, with spend charted and a bar’s tooltip shown',
    session: withApi,
    show: async ({ session, generate }) => {
      await generate.open();
      await generate.generate('a paper lantern');
      await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
      const usage = new UsagePage(session.page);
      await usage.open();
      await expect(usage.rows()).toHaveCount(1);
      await usage.showTooltip();
    },
  },
  {
    name: 'Keyboard shortcuts',
    session: {},
    show: async ({ session, frame }) => {
      await new FirstRunPage(session.page).expectShown();
      await frame.press('?');
      await expect(frame.shortcuts).toBeVisible();
    },
  },
];

const themes: Theme[] = ['light', 'dark'];
const languages: Language[] = ['en', 'zh-CN'];

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000);
  await warmSeed(seededImages);
});

for (const view of views) {
  test(`${view.name}: no serious or critical accessibility finding, light and dark, English and Chinese`, async () => {
    const session = await openSession(view.session);
    try {
      const screen: Screen = {
        session,
        frame: new AppFrame(session.page),
        generate: new GeneratePage(session.page),
        library: new LibraryPage(session.page),
        settings: new SettingsPage(session.page),
        edit: new EditPage(session.page),
      };
      await view.show(screen);
      const audit = new AccessibilityAudit(session.page);
      const findings: Finding[] = [];
      for (const language of languages) {
        await audit.useLanguage(language);
        for (const theme of themes) {
          await audit.useTheme(theme);
          const skipped = (view.skip ?? []).map((entry) => entry.rule);
          findings.push(...(await audit.findings(`${view.name}, ${language}, ${theme}`, skipped)));
        }
      }
      expect(findings).toEqual([]);
    } finally {
      await session.close();
    }
  });
}

test('the audit reports what it is there to find', async () => {
  const session = await openSession();
  try {
    await new FirstRunPage(session.page).expectShown();
    const audit = new AccessibilityAudit(session.page);
    await audit.useTheme('dark');
    // A button and a picture without names, as a careless change would leave them.
    await audit.plant('<button type="button"></button><img src="">');
    const rules = (await audit.findings('a planted problem')).map((finding) => finding.rule);
    expect(rules).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  } finally {
    await session.close();
  }
});
