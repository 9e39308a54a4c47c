// Draws the report's panels from the data the job inlined in #report-data, with Apache ECharts.
// Charts use the SVG renderer, so what they drew can be counted in the page.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function column(panel, name) {
    var index = panel.columns.indexOf(name);
    if (index < 0) {
      throw new Error(panel.query + ' has no column ' + name + ' (it has ' + panel.columns + ')');
    }
    return index;
  }

  function display(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (Array.isArray(value)) {
      return value.map(display).join(', ');
    }
    if (typeof value === 'boolean') {
      return value ? 'yes' : 'no';
    }
    if (typeof value === 'number' && !Number.isInteger(value)) {
      return value.toFixed(4).replace(/\.?0+$/, '');
    }
    return String(value);
  }

  function utcMillis(time) {
    return Date.parse(time.replace(' ', 'T') + 'Z');
  }

  function table(panel) {
    var wrapper = element('div', { class: 'table-scroll' });
    var grid = element('table');
    var head = element('tr');
    panel.columns.forEach(function (name) {
      head.appendChild(element('th', {}, name));
    });
    grid.appendChild(element('thead')).appendChild(head);
    var body = grid.appendChild(element('tbody'));
    panel.rows.forEach(function (row) {
      var line = element('tr');
      row.forEach(function (value, index) {
        var cell = element('td', {}, display(value));
        if (typeof value === 'number') {
          cell.className = 'number';
        }
        if (panel.columns[index] === 'severity' && value) {
          cell.className = 'severity-' + value;
        }
        line.appendChild(cell);
      });
      body.appendChild(line);
    });
    wrapper.appendChild(grid);
    return wrapper;
  }

  function timeSeries(panel, stacked) {
    var chart = panel.chart;
    var x = column(panel, chart.x);
    var lines = [];
    if (chart.series) {
      var by = column(panel, chart.series);
      var y = column(panel, chart.y[0]);
      var named = {};
      panel.rows.forEach(function (row) {
        var name = display(row[by]);
        if (!named[name]) {
          named[name] = { name: name, data: [] };
          lines.push(named[name]);
        }
        named[name].data.push([utcMillis(row[x]), row[y]]);
      });
    } else {
      chart.y.forEach(function (name) {
        var y = column(panel, name);
        lines.push({
          name: name,
          data: panel.rows.map(function (row) {
            return [utcMillis(row[x]), row[y]];
          })
        });
      });
    }
    return {
      useUTC: true,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 56, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value' },
      series: lines.map(function (line) {
        return {
          name: line.name,
          type: 'line',
          showSymbol: line.data.length < 50,
          stack: stacked ? 'total' : undefined,
          areaStyle: stacked ? {} : undefined,
          data: line.data
        };
      })
    };
  }

  function bars(panel) {
    var chart = panel.chart;
    var label = column(panel, chart.label);
    var rows = panel.rows.slice().reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: rows.map(function (row) {
          return display(row[label]);
        }),
        axisLabel: { width: 260, overflow: 'truncate' }
      },
      series: chart.y.map(function (name) {
        var y = column(panel, name);
        return {
          name: name,
          type: 'bar',
          stack: 'total',
          data: rows.map(function (row) {
            return row[y];
          })
        };
      })
    };
  }

  function map(panel) {
    var chart = panel.chart;
    var latitude = column(panel, chart.latitude);
    var longitude = column(panel, chart.longitude);
    var size = column(panel, chart.size);
    var label = column(panel, chart.label);
    var largest = Math.max.apply(null, panel.rows.map(function (row) {
      return row[size];
    }));
    return {
      tooltip: {
        trigger: 'item',
        formatter: function (point) {
          return point.name + ': ' + point.value[2] + ' ' + chart.size;
        }
      },
      geo: { map: 'world', roam: true, itemStyle: { areaColor: '#e4e7eb', borderColor: '#9aa5b1' } },
      series: [{
        name: panel.title,
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: function (value) {
          return 6 + 24 * Math.sqrt(value[2] / largest);
        },
        itemStyle: { color: '#d64545', opacity: 0.8 },
        data: panel.rows.map(function (row) {
          return {
            name: display(row[label]) || 'unknown place',
            value: [row[longitude], row[latitude], row[size]]
          };
        })
      }]
    };
  }

  var CHARTS = {
    line: function (panel) { return timeSeries(panel, false); },
    area: function (panel) { return timeSeries(panel, true); },
    bar: bars,
    map: map
  };

  /** Says how many rows the page left out, if any. */
  function more(panel, box) {
    if (panel.rowCount > panel.rows.length) {
      box.appendChild(
        element('p', { class: 'more' },
          'The first ' + panel.rows.length + ' of ' + panel.rowCount + ' rows: run the saved query ' +
            panel.query + ' for all of them.'));
    }
  }

  function draw(panel, box) {
    if (panel.empty) {
      box.appendChild(element('p', { class: panel.allClear ? 'empty all-clear' : 'empty' }, panel.empty));
      return;
    }
    if (panel.rows.length === 0) {
      box.appendChild(element('p', { class: 'empty' }, 'Nothing in this range.'));
      return;
    }
    var type = panel.chart.type;
    if (type === 'table' || type === 'map') {
      box.classList.add('wide');
    }
    if (type === 'table') {
      box.appendChild(table(panel));
      more(panel, box);
      return;
    }
    var canvas = box.appendChild(element('div', { class: 'chart ' + type }));
    var chart = echarts.init(canvas, null, { renderer: 'svg' });
    chart.setOption(CHARTS[type](panel));
    more(panel, box);
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  /** The investigation's subject, for the panels that follow one. */
  function subject(panel) {
    var names = panel.parameters.filter(function (name) {
      return name === 'person' || name === 'instance';
    });
    return names.length ? ': ' + names.map(function (name) {
      return data.subject[name] || '(none)';
    }).join(', ') : '';
  }

  function header() {
    var top = document.getElementById('header');
    top.appendChild(element('h1', {}, 'CloudTrail report'));
    top.appendChild(element('p', {},
      data.from + ' to ' + data.to + ' (UTC) \u00b7 tables: ' + data.tables +
        ' \u00b7 written ' + data.written));
  }

  header();
  var contents = document.getElementById('contents');
  var main = document.getElementById('dashboards');
  data.dashboards.forEach(function (dashboard, index) {
    var id = 'dashboard-' + index;
    contents.appendChild(element('a', { href: '#' + id }, dashboard.title));
    var section = main.appendChild(element('section', { id: id }));
    section.appendChild(element('h2', {}, dashboard.title));
    var panels = section.appendChild(element('div', { class: 'panels' }));
    dashboard.panels.forEach(function (panel) {
      var box = panels.appendChild(element('div', {
        class: 'panel',
        'data-panel': panel.query,
        'data-chart': panel.chart.type,
        'data-rows': panel.rows.length,
        'data-row-count': panel.rowCount
      }));
      box.appendChild(element('h3', {}, panel.title + subject(panel)));
      draw(panel, box);
    });
  });
  document.body.setAttribute('data-drawn', 'true');
})();
