/** The figure toolbar's and presenter's words, from the message catalogues (messages/<locale>.json). */
import { m } from '../../i18n/messages';

export const FIGURE_UI = {
  get tools() { return m.fig_tools(); },
  get present() { return m.fig_present(); },
  get presentTitle() { return m.fig_present_title(); },
  get copyLink() { return m.fig_copy_link(); },
  get copyLinkTitle() { return m.fig_copy_link_title(); },
  get copyEmbed() { return m.fig_copy_embed(); },
  get copyEmbedTitle() { return m.fig_copy_embed_title(); },
  get copied() { return m.fig_copied(); },
  get copyFailed() { return m.fig_copy_failed(); },
  get presentLesson() { return m.fig_present_lesson(); },
  get presentLessonTitle() { return m.fig_present_lesson_title(); },
  get hint() { return m.fig_hint(); },
  get next() { return m.fig_next(); },
  get previous() { return m.fig_previous(); },
  get leave() { return m.fig_leave(); },
  sceneOf: (i: number, n: number) => m.fig_scene_of({ i, n }),
  get asItStands() { return m.fig_as_it_stands(); },
  get blanked() { return m.fig_blanked(); },
  get embedFrom() { return m.fig_embed_from(); },
  anchor: (heading: string) => m.fig_anchor({ heading }),
} as const;
