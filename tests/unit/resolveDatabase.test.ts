/**
 * Which database DATABASE_URI selects (SPEC §10), and that the chosen adapter fits: the
 * embedded default is SQLite under ./data, postgres:// and postgresql:// select PostgreSQL,
 * mongodb:// and mongodb+srv:// select MongoDB, and anything else is refused with a message
 * that says what is accepted.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, test } from '@jest/globals'

import { databaseAdapter } from '../../src/db'
import { resolveDatabase } from '../../src/db/resolveDatabase'

const root = process.env.B2C_TEST_ROOT!

describe('resolveDatabase', () => {
  test.each([[undefined], [''], ['   ']])('%p selects the embedded SQLite file ./data/b2c.sqlite', (uri) => {
    const cwd = path.join(root, 'project')
    const choice = resolveDatabase(uri, cwd)
    const expected = path.join(cwd, 'data', 'b2c.sqlite')
    expect(choice).toEqual({ kind: 'sqlite', filePath: expected, url: `file:${expected}` })
    expect(path.isAbsolute(choice.kind === 'sqlite' ? choice.filePath : '')).toBe(true)
  })

  test('the default is resolved against the current working directory when none is given', () => {
    const choice = resolveDatabase(undefined)
    expect(choice).toEqual({
      kind: 'sqlite',
      filePath: path.resolve(process.cwd(), 'data/b2c.sqlite'),
      url: `file:${path.resolve(process.cwd(), 'data/b2c.sqlite')}`,
    })
  })

  test('a relative file: path is resolved to an absolute one', () => {
    const cwd = path.join(root, 'somewhere')
    const choice = resolveDatabase('file:./x/y.sqlite', cwd)
    expect(choice).toEqual({
      kind: 'sqlite',
      filePath: path.join(cwd, 'x', 'y.sqlite'),
      url: `file:${path.join(cwd, 'x', 'y.sqlite')}`,
    })
  })

  test('an absolute file: path is kept', () => {
    expect(resolveDatabase('file:/abs/path.sqlite', '/elsewhere')).toEqual({
      kind: 'sqlite',
      filePath: '/abs/path.sqlite',
      url: 'file:/abs/path.sqlite',
    })
  })

  test('file:///abs (URL form) is the same absolute path', () => {
    expect(resolveDatabase('file:///abs/path.sqlite', '/elsewhere')).toMatchObject({
      kind: 'sqlite',
      filePath: '/abs/path.sqlite',
    })
  })

  test('surrounding whitespace is ignored', () => {
    expect(resolveDatabase('  file:/abs/db.sqlite\n', '/elsewhere')).toMatchObject({
      kind: 'sqlite',
      filePath: '/abs/db.sqlite',
    })
  })

  test.each([
    'mongodb://localhost:27017/b2c',
    'mongodb://user:p%40ss@db1.example.dk:27017,db2.example.dk:27017/b2c?replicaSet=rs0&authSource=admin',
    'mongodb+srv://user:secret@cluster0.abcde.mongodb.net/b2c?retryWrites=true&w=majority',
  ])('%s selects MongoDB with the URL untouched', (uri) => {
    expect(resolveDatabase(uri)).toEqual({ kind: 'mongodb', url: uri })
  })

  test.each([
    'postgres://localhost/b2c',
    'postgres://user:p%40ss@db.example.dk:5432/b2c?sslmode=require',
    'postgresql://user:secret@10.0.0.5/b2c',
    'POSTGRES://db.example.dk/b2c',
  ])('%s selects PostgreSQL with the URL untouched', (uri) => {
    expect(resolveDatabase(uri)).toEqual({ kind: 'postgres', url: uri })
  })

  test('a PostgreSQL URI is trimmed like the others', () => {
    expect(resolveDatabase('  postgres://localhost/b2c\n')).toEqual({ kind: 'postgres', url: 'postgres://localhost/b2c' })
  })

  test.each(['mysql://localhost/b2c', 'postgres:/localhost/b2c', 'pg://localhost/b2c', 'foo', 'sqlite:./data/b2c.sqlite'])(
    '%s is refused with a message naming the accepted schemes',
    (uri) => {
      let error: unknown
      try {
        resolveDatabase(uri)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(Error)
      const message = (error as Error).message
      expect(message).toContain('DATABASE_URI')
      expect(message).toContain('file:')
      expect(message).toContain('postgres://')
      expect(message).toContain('postgresql://')
      expect(message).toContain('mongodb://')
      expect(message).toContain('mongodb+srv://')
    },
  )

  test('a refused URI does not echo its password', () => {
    expect(() => resolveDatabase('mysql://user:hunter2@localhost/b2c')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    )
  })

  test('file: without a path is refused', () => {
    expect(() => resolveDatabase('file:')).toThrow(/path/)
  })
})

describe('databaseAdapter', () => {
  test('a file: URI gives the SQLite adapter with numeric ids', () => {
    const adapter = databaseAdapter(`file:${path.join(root, 'adapter', 'a.sqlite')}`)
    expect(adapter.name).toBe('sqlite')
    expect(adapter.defaultIDType).toBe('number')
    expect(typeof adapter.init).toBe('function')
  })

  test('the SQLite adapter creates the missing parent folder of its file', () => {
    const folder = path.join(root, 'not', 'yet', 'there')
    expect(fs.existsSync(folder)).toBe(false)
    const adapter = databaseAdapter(`file:${path.join(folder, 'b2c.sqlite')}`)
    expect(adapter.name).toBe('sqlite')
    expect(fs.statSync(folder).isDirectory()).toBe(true)
  })

  test.each([
    ['mongodb://127.0.0.1:1/b2c', 'MongoDB (mongoose)', 'text', 'mongoose'],
    ['mongodb+srv://user:pw@cluster0.example.invalid/b2c', 'MongoDB (mongoose)', 'text', 'mongoose'],
    ['postgres://postgres@127.0.0.1:1/b2c', 'PostgreSQL', 'number', 'postgres'],
    ['postgresql://user:pw@db.example.invalid/b2c', 'PostgreSQL', 'number', 'postgres'],
  ])('%s gives the %s adapter with %s ids, without connecting', (uri, _label, idType, name) => {
    // Port 1 and an .invalid host: a connection attempt would fail or hang, building must not.
    const started = Date.now()
    const adapter = databaseAdapter(uri)
    expect(adapter.name).toBe(name)
    expect(adapter.defaultIDType).toBe(idType)
    expect(typeof adapter.init).toBe('function')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  test('an unknown scheme is refused before any adapter is built', () => {
    expect(() => databaseAdapter('mysql://localhost/b2c')).toThrow(/postgres:\/\/.*mongodb:\/\//)
  })
})
