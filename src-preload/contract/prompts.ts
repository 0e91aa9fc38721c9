import { z } from 'zod';
import { maxPromptLength } from './generation';
import type { LibraryImage } from './library-types';
import { parseTemplate } from './prompt-template';

/** One prompt that was sent, newest use first; a prompt sent several times appears once. */
export interface PromptHistoryEntry {
  prompt: string;
  /** The newest generation that sent it. */
  generationId: number;
  lastUsedAt: number;
}

/** A named prompt of the "Prompt library"; its text may be a template (see prompt-template.ts). */
export interface SavedPrompt {
  id: number;
  name: string;
  template: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** A named set of library images to use as references together ("Save as set"). */
export interface ReferenceSet {
  id: number;
  name: string;
  /** In the order they are sent. */
  images: LibraryImage[];
  createdAt: number;
  updatedAt: number;
}

/** A generation that was sent with exactly the images of a set. */
export interface SetUse {
  generationId: number;
  prompt: string;
  model: string;
  createdAt: number;
  /** Its first saved image, for a thumbnail; null when none was saved. */
  image: LibraryImage | null;
}

const nameSchema = z.string().trim().min(1, 'A name cannot be empty.').max(200);
const idSchema = z.number().int().positive();

export const promptHistorySchema = z.object({
  /** Searched with the library's prompt index (English words, Chinese characters). */
  query: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export const savePromptSchema = z.object({
  /** Given: replaces that saved prompt; absent: a new one. */
  id: idSchema.optional(),
  name: nameSchema,
  template: z
    .string()
    .max(maxPromptLength)
    .refine((template) => template.trim() !== '', 'A saved prompt cannot be empty.')
    .superRefine((template, context) => {
      const parsed = parseTemplate(template);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.problem.message });
    }),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});

export const saveReferenceSetSchema = z.object({
  id: idSchema.optional(),
  name: nameSchema,
  imageIds: z
    .array(idSchema)
    .min(1, 'A reference set needs at least one image.')
    .max(14, 'A reference set can hold at most 14 images, as many as one request sends.'),
});

export const idInputSchema = z.object({ id: idSchema });
