import * as v from 'valibot';
import { DEFAULT_POINT_RULES } from '../../../src/shared/domain/ledger';
import { coursePoints, isFinished, percentRight, quizAnswerProblem, quizForLearner, scoreQuiz, type Quiz } from '../../../src/shared/domain/learning';
import { lessonFields, quizQuestionFields } from '../../../src/shared/actions/learning';

const quiz: Quiz = {
  passPercent: 60,
  questions: [
    { key: 'q1', kind: 'single', title: '一', options: [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }], correct: ['a'] },
    { key: 'q2', kind: 'multiple', title: '二', options: [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }, { key: 'c', label: '丙' }], correct: ['a', 'c'] },
    { key: 'q3', kind: 'single', title: '三', options: [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }], correct: ['b'] },
  ],
};

describe('course points by the point rules', () => {
  it('counts the course length by the hours rule at the 学习培训 rate, or the default rate', () => {
    expect(coursePoints(DEFAULT_POINT_RULES, 60)).toBe(10);
    // 1 h 15 min counts 1 h; 1 h 16 min counts 1.5 h; 10 minutes counts nothing.
    expect(coursePoints(DEFAULT_POINT_RULES, 75)).toBe(10);
    expect(coursePoints(DEFAULT_POINT_RULES, 76)).toBe(15);
    expect(coursePoints(DEFAULT_POINT_RULES, 10)).toBe(0);
    const rules = { ...DEFAULT_POINT_RULES, eventTypes: [{ name: '学习培训', pointsPerHour: 3 }], dailyCap: 1 };
    // A half point rounds up; the daily cap on service does not apply.
    expect(coursePoints(rules, 30)).toBe(2);
    expect(coursePoints(rules, 120)).toBe(6);
    expect(coursePoints({ ...rules, eventTypes: [{ name: '学习培训', pointsPerHour: 0 }] }, 120)).toBe(0);
  });
});

describe('quiz', () => {
  it('counts a question right only when exactly its right options are chosen', () => {
    expect(scoreQuiz(quiz, { q1: ['a'], q2: ['c', 'a'], q3: ['b'] })).toEqual({ correct: 3, total: 3, percent: 100, passed: true, wrong: [] });
    expect(scoreQuiz(quiz, { q1: ['a'], q2: ['a'], q3: ['b'] })).toEqual({ correct: 2, total: 3, percent: 67, passed: true, wrong: ['q2'] });
    expect(scoreQuiz(quiz, { q1: ['a'], q2: ['a', 'b', 'c'], q3: ['a'] })).toMatchObject({ correct: 1, percent: 33, passed: false, wrong: ['q2', 'q3'] });
    expect(scoreQuiz({ ...quiz, passPercent: 67 }, { q1: ['a'], q2: ['a'], q3: ['b'] }).passed).toBe(true);
    expect(percentRight(0, 0)).toBe(0);
  });

  it('names what is wrong with an attempt’s shape', () => {
    expect(quizAnswerProblem(quiz, { q1: ['a'], q2: ['a'], q3: ['b'] })).toBeNull();
    expect(quizAnswerProblem(quiz, { q1: ['a'], q2: ['a'] })).toBe('请回答：三');
    expect(quizAnswerProblem(quiz, { q1: ['a', 'b'], q2: ['a'], q3: ['b'] })).toBe('「一」只能选一项');
    expect(quizAnswerProblem(quiz, { q1: ['z'], q2: ['a'], q3: ['b'] })).toContain('选项不存在');
    expect(quizAnswerProblem(quiz, { q1: ['a'], q2: ['a', 'a'], q3: ['b'] })).toContain('重复');
    expect(quizAnswerProblem(quiz, { q1: ['a'], q2: ['a'], q3: ['b'], q4: ['a'] })).toContain('不存在的题目');
  });

  it('never gives a learner the answers', () => {
    expect(JSON.stringify(quizForLearner(quiz))).not.toContain('correct');
  });

  it('is finished with every lesson done and, with a quiz, a pass; a course without lessons never is', () => {
    expect(isFinished(['l1', 'l2'], ['l2', 'l1'], false, false)).toBe(true);
    expect(isFinished(['l1', 'l2'], ['l1'], false, false)).toBe(false);
    expect(isFinished(['l1'], ['l1'], true, false)).toBe(false);
    expect(isFinished(['l1'], ['l1', 'l9'], true, true)).toBe(true);
    expect(isFinished([], [], false, true)).toBe(false);
  });
});

describe('schemas', () => {
  it('takes media only from cloud storage, and a right answer only among the options', () => {
    expect(v.safeParse(lessonFields, { title: '课', media: { kind: 'video', fileId: 'cloud://env.bucket/v.mp4' } }).success).toBe(true);
    expect(v.safeParse(lessonFields, { title: '课', media: { kind: 'video', fileId: 'https://x.com/v.mp4' } }).success).toBe(false);
    expect(v.safeParse(lessonFields, { title: '课', media: { kind: 'audio', fileId: 'cloud://env/a b.mp3' } }).success).toBe(false);
    const q = { key: 'q1', kind: 'multiple', title: '题', options: [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }], correct: ['a', 'b'] };
    expect(v.safeParse(quizQuestionFields, q).success).toBe(true);
    expect(v.safeParse(quizQuestionFields, { ...q, kind: 'single' }).success).toBe(false);
    expect(v.safeParse(quizQuestionFields, { ...q, correct: ['c'] }).success).toBe(false);
  });
});
